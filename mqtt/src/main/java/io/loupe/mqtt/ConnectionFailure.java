package io.loupe.mqtt;

import java.net.ConnectException;
import java.net.UnknownHostException;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLHandshakeException;

/** Why a {@link BrokerConnection} could not connect, publish or subscribe; the message says what to check. */
final class ConnectionFailure extends Exception {

    private static final long serialVersionUID = 1L;

    enum Kind {
        /** Not connected (any more), or disconnecting: the connection is going. */
        NOT_CONNECTED,
        /** Paho's in-flight window is full: wait for acknowledgements. */
        TOO_MANY_IN_FLIGHT,
        /** Larger than the broker's Maximum Packet Size. */
        TOO_LARGE,
        /** Paho refused the message itself (e.g. an invalid topic). */
        INVALID,
        /** The broker refused us: credentials, authorisation, a subscription it does not allow. */
        REFUSED,
        /** Anything else: network, TLS, time-out. */
        OTHER
    }

    private final Kind kind;

    ConnectionFailure(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    Kind kind() {
        return kind;
    }

    /** The broker refused the credentials. */
    static final String CREDENTIALS = "; the broker refused the credentials: check mqtt.username and mqtt.password";
    /** The broker refused the client. */
    static final String NOT_AUTHORIZED = "; the broker does not authorise this client: check its ACL for the client"
            + " id and user";
    /** MQTT 3.1.1 brokers (Mosquitto) answer "not authorised" to a wrong password too. */
    static final String CREDENTIALS_OR_NOT_AUTHORIZED = "; the broker refused the credentials or this client: check"
            + " mqtt.username and mqtt.password, then the broker's ACL";

    /**
     * What to check for a connect failure: {@code refusal} when the broker refused us (one of the constants above),
     * else a hint from the cause chain; empty when there is nothing useful to add.
     */
    static String hint(Throwable e, String refusal) {
        if (refusal != null) {
            return refusal;
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (m.contains("certificate_required")) {
                return "; the broker requires a client certificate: set mqtt.tls.certFile and mqtt.tls.keyFile";
            }
            if (t instanceof SSLHandshakeException || t instanceof SSLException) {
                return "; TLS handshake failed: check that mqtt.tls.caFile signed the broker's certificate, that the"
                        + " URL's host is named in it, and the client certificate if the broker requires one";
            }
            if (t instanceof ConnectException) {
                return "; is the broker running and listening on that host and port?";
            }
            if (t instanceof UnknownHostException) {
                return "; the host name does not resolve: check mqtt.url";
            }
        }
        return "";
    }
}
