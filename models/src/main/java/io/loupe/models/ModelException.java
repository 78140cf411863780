package io.loupe.models;

/**
 * A model could not be loaded or could not run. The message names the offending file, key or value and says how to
 * fix it, so that it can be shown to an operator as it is.
 */
public class ModelException extends Exception {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(message);
    }

    public ModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
