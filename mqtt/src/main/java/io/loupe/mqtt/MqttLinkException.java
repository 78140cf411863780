package io.loupe.mqtt;

/**
 * A broker or link could not be set up: the message names the offending value (port, folder, URL) and the fix.
 * Runtime trouble on an established link (broker gone, connection refused) is never thrown: the link reconnects and
 * reports it in {@link LinkStatus#lastError()}.
 */
public class MqttLinkException extends Exception {

    private static final long serialVersionUID = 1L;

    public MqttLinkException(String message) {
        super(message);
    }

    public MqttLinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
