package io.loupe.appliance.bench;

/** The benchmark could not measure: the model, the appliance or the camera failed; the message says which. */
public final class BenchException extends Exception {
    public BenchException(String message, Throwable cause) {
        super(message, cause);
    }

    public BenchException(String message) {
        super(message);
    }
}
