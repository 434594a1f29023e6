package dev.rerun4j.rrd;

/** The SDK's own version, written into every recording's store source. */
public final class Version {
    private Version() {}

    public static final String VERSION = "0.1.0";
    /** The Rerun version whose format we write. */
    public static final String RERUN_VERSION = "0.33.0";
}
