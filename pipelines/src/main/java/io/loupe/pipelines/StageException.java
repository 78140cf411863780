package io.loupe.pipelines;

/** A stage could not process one input. The message names the stage and the cause. */
public class StageException extends Exception {
    public StageException(String message, Throwable cause) {
        super(message, cause);
    }

    public StageException(String message) {
        super(message);
    }
}
