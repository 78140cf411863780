package io.loupe.appliance;

/** The appliance could not start; the message names the component and the fix. */
public class ApplianceException extends Exception {
    public ApplianceException(String message, Throwable cause) {
        super(message, cause);
    }
}
