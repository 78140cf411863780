package io.loupe.models.mediapipe;

import io.loupe.models.ModelException;

/** The npm registry could not be reached (no network, DNS, proxy, timeout): nothing was wrong with the models. */
public final class RegistryUnreachableException extends ModelException {

    private static final long serialVersionUID = 1L;

    public RegistryUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
