package dev.rerun4j.rrd.ipc;

/** Bytes that are not a well-formed Arrow IPC stream; the message says where and why. */
public class ArrowIpcException extends RuntimeException {
    public ArrowIpcException(String message) { super(message); }
    public ArrowIpcException(String message, Throwable cause) { super(message, cause); }
}
