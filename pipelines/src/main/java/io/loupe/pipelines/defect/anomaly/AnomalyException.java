package io.loupe.pipelines.defect.anomaly;

/** An image could not be scored (empty or unsupported image, model failure). The message names the value at fault. */
public class AnomalyException extends Exception {
    public AnomalyException(String message) {
        super(message);
    }

    public AnomalyException(String message, Throwable cause) {
        super(message, cause);
    }
}
