package io.loupe.camera;

/** A camera could not be opened or its stream broke. The message names the URL and what to do about it. */
public class CameraException extends Exception {
    public CameraException(String message) {
        super(message);
    }

    public CameraException(String message, Throwable cause) {
        super(message, cause);
    }
}
