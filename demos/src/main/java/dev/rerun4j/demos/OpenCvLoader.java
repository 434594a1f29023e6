package dev.rerun4j.demos;

/** Loads OpenCV's native library shipped in the org.openpnp jar, once. */
final class OpenCvLoader {
    private OpenCvLoader() {}

    private static boolean loaded;

    static synchronized void load() {
        if (loaded) return;
        nu.pattern.OpenCV.loadLocally();
        loaded = true;
    }
}
