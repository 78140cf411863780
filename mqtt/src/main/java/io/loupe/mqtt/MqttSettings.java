package io.loupe.mqtt;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * How this appliance talks MQTT. Defaults are defined once, in {@link #builder(String, String)}; the canonical
 * constructor fills the derived ones (host, client id) and rejects the rest with a message naming value and fix.
 *
 * @param url              {@code tcp://host:port}, {@code ssl://host:port}, {@code ws://…}, {@code wss://…}, or
 *                         {@value #EMBEDDED} to run the in-process broker ({@link EmbeddedBroker}) and connect to it
 * @param host             bind address of the embedded broker (default {@code 127.0.0.1}; ignored otherwise)
 * @param port             port of the embedded broker (default 1883, 0 picks a free one; ignored otherwise)
 * @param clientId         MQTT client id; default {@code loupe-<site>-<node>}. Two appliances must not share one.
 * @param username         null for anonymous
 * @param password         null for none
 * @param site             first level under {@code loupe/}
 * @param node             this appliance's name, second level
 * @param qos              QoS of every message (default 1: an outbox entry is removed only on PUBACK)
 * @param keepAliveSeconds MQTT keep-alive (default 30; 0 disables it)
 * @param maxPending       bound of the outbox, in messages (default 10,000); beyond it the oldest are dropped and
 *                         counted
 * @param protocol         MQTT version (default {@link MqttProtocol#V5}; null gives the default)
 * @param topicQos         QoS per {@link TopicClass}; null gives {@code qos} for every class
 * @param tls              CA, client certificate and key for {@code ssl://}/{@code wss://}; null for none (an
 *                         {@code ssl://} URL then trusts the JVM's default CAs)
 * @param cleanStart       true (default): every connection starts a new session. False resumes the session the
 *                         broker kept, so commands sent while the link was away are delivered when it is back
 * @param sessionExpirySeconds how long the broker keeps the session after a disconnect (MQTT 5; default 0). With
 *                         {@code cleanStart} false it must be above 0; 4294967295 never expires. MQTT 3.1.1 has no
 *                         expiry: the broker's own setting applies
 * @param commandAcl       the settings that may be changed over MQTT ({@code …/<setting>/set}), each as
 *                         {@code setting} (any pipeline) or {@code pipeline/setting}; null: no ACL, the command
 *                         handler alone decides; empty: every command is refused
 */
public record MqttSettings(String url, String host, int port, String clientId, String username, char[] password,
                           String site, String node, int qos, int keepAliveSeconds, int maxPending,
                           MqttProtocol protocol, TopicQos topicQos, TlsSettings tls, boolean cleanStart,
                           long sessionExpirySeconds, Set<String> commandAcl) {

    /** The {@link #url()} that asks for the in-process broker. */
    public static final String EMBEDDED = "embedded";
    public static final String DEFAULT_HOST = "127.0.0.1";
    public static final int DEFAULT_PORT = 1883;
    public static final int DEFAULT_QOS = 1;
    public static final int DEFAULT_KEEP_ALIVE_SECONDS = 30;
    public static final int DEFAULT_MAX_PENDING = 10_000;
    /** {@link #sessionExpirySeconds()} that never expires (MQTT 5: UINT32 max). */
    public static final long SESSION_NEVER_EXPIRES = 4_294_967_295L;

    /**
     * The settings of the first MQTT issue (11 values); the rest take their defaults: MQTT 5, {@code qos} for every
     * topic class, no TLS material, clean start, session expiry 0, no command ACL.
     */
    public MqttSettings(String url, String host, int port, String clientId, String username, char[] password,
                        String site, String node, int qos, int keepAliveSeconds, int maxPending) {
        this(url, host, port, clientId, username, password, site, node, qos, keepAliveSeconds, maxPending,
                MqttProtocol.V5, null, null, true, 0, null);
    }

    public MqttSettings {
        if (url == null || url.isBlank()) {
            throw new IllegalArgumentException("mqtt.url must be set: \"tcp://broker:1883\", \"ssl://broker:8883\""
                    + " or \"embedded\" for the in-process broker");
        }
        url = url.strip();
        String lower = url.toLowerCase(Locale.ROOT);
        if (!lower.equals(EMBEDDED) && !lower.startsWith("tcp://") && !lower.startsWith("ssl://")
                && !lower.startsWith("ws://") && !lower.startsWith("wss://")) {
            throw new IllegalArgumentException("mqtt.url \"" + url + "\" has no supported scheme: use"
                    + " \"tcp://host:1883\", \"ssl://host:8883\", \"ws://…\", \"wss://…\" or \"embedded\"");
        }
        if (lower.equals(EMBEDDED)) {
            url = EMBEDDED;
        }
        host = host == null || host.isBlank() ? DEFAULT_HOST : host.strip();
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("mqtt.port " + port + " is out of range: use 1..65535, or 0 to let the"
                    + " embedded broker pick a free port");
        }
        Topics.segment("site", site);
        Topics.segment("node", node);
        clientId = clientId == null || clientId.isBlank() ? "loupe-" + site + "-" + node : clientId.strip();
        if (qos < 0 || qos > 2) {
            throw new IllegalArgumentException("mqtt.qos " + qos + " is not an MQTT QoS: use 1 (at least once, the"
                    + " default), 0 (fire and forget: the outbox then forgets a message once written) or 2");
        }
        if (keepAliveSeconds < 0 || keepAliveSeconds > 65_535) {
            throw new IllegalArgumentException("mqtt.keepAliveSeconds " + keepAliveSeconds + " is out of range: use"
                    + " 1..65535 (default " + DEFAULT_KEEP_ALIVE_SECONDS + "), or 0 to disable keep-alive");
        }
        if (maxPending < 1) {
            throw new IllegalArgumentException("mqtt.maxPending " + maxPending + " must be at least 1: it bounds the"
                    + " outbox while the broker is away (default " + DEFAULT_MAX_PENDING + ")");
        }
        protocol = protocol == null ? MqttProtocol.V5 : protocol;
        topicQos = topicQos == null ? TopicQos.uniform(qos) : topicQos;
        String scheme = lower.equals(EMBEDDED) ? EMBEDDED : lower.substring(0, lower.indexOf(':'));
        if (tls != null && !scheme.equals("ssl") && !scheme.equals("wss")) {
            throw new IllegalArgumentException("mqtt.tls is set but mqtt.url \"" + url + "\" is not a TLS URL: use"
                    + " \"ssl://host:8883\" (or \"wss://…\"), or remove mqtt.tls");
        }
        if (sessionExpirySeconds < 0 || sessionExpirySeconds > SESSION_NEVER_EXPIRES) {
            throw new IllegalArgumentException("mqtt.sessionExpirySeconds " + sessionExpirySeconds + " is out of range:"
                    + " use 0..4294967295 (4294967295: never expires)");
        }
        if (!cleanStart && protocol == MqttProtocol.V5 && sessionExpirySeconds == 0) {
            throw new IllegalArgumentException("mqtt.cleanStart is false but mqtt.sessionExpirySeconds is 0: the broker"
                    + " would end the session at every disconnect; set sessionExpirySeconds, e.g. 3600, or cleanStart"
                    + " true");
        }
        if (commandAcl != null) {
            Set<String> acl = new LinkedHashSet<>();
            for (String entry : commandAcl) {
                acl.add(aclEntry(entry));
            }
            commandAcl = Set.copyOf(acl);
        }
    }

    private static String aclEntry(String entry) {
        if (entry == null || entry.isBlank()) {
            throw new IllegalArgumentException("mqtt.commandAcl has an empty entry: list settings as \"minScore\" (any"
                    + " pipeline) or \"line1/minScore\" (one pipeline)");
        }
        String e = entry.strip();
        int slash = e.indexOf('/');
        if (slash < 0) {
            return Topics.segment("mqtt.commandAcl setting", e);
        }
        Topics.segment("mqtt.commandAcl pipeline", e.substring(0, slash));
        Topics.segment("mqtt.commandAcl setting", e.substring(slash + 1));
        return e;
    }

    /** The QoS to publish {@code topic} with: its {@link TopicClass}'s, or {@link #qos()} for other topics. */
    public int qosFor(String topic) {
        return topicQos.of(TopicClass.of(topic), qos);
    }

    /** Whether {@link #commandAcl()} lets {@code setting} of {@code pipeline} be changed remotely (true without ACL). */
    public boolean commandAllowed(String pipeline, String setting) {
        return commandAcl == null || commandAcl.contains(setting) || commandAcl.contains(pipeline + "/" + setting);
    }

    /** Settings with every default: the embedded broker on 127.0.0.1:1883, QoS 1. */
    public static MqttSettings defaults(String site, String node) {
        return builder(site, node).build();
    }

    public static Builder builder(String site, String node) {
        return new Builder(site, node);
    }

    /** True when {@link #url()} asks for the in-process broker. */
    public boolean embedded() {
        return EMBEDDED.equals(url);
    }

    /** The same settings pointing at {@code url}, e.g. {@link EmbeddedBroker#url()} once it runs. */
    public MqttSettings withUrl(String url) {
        return new MqttSettings(url, host, port, clientId, username, password, site, node, qos, keepAliveSeconds,
                maxPending, protocol, topicQos, tls, cleanStart, sessionExpirySeconds, commandAcl);
    }

    /** The topic contract of this node. */
    public Topics topics() {
        return new Topics(site, node);
    }

    /** Never shows the password. */
    @Override
    public String toString() {
        return "MqttSettings[url=" + url + ", host=" + host + ", port=" + port + ", clientId=" + clientId
                + ", username=" + username + ", password=" + (password == null ? "none" : "***") + ", site=" + site
                + ", node=" + node + ", qos=" + qos + ", keepAliveSeconds=" + keepAliveSeconds + ", maxPending="
                + maxPending + ", protocol=" + protocol.label() + ", topicQos=" + topicQos + ", tls=" + tls
                + ", cleanStart=" + cleanStart + ", sessionExpirySeconds=" + sessionExpirySeconds + ", commandAcl="
                + commandAcl + "]";
    }

    /** Builds {@link MqttSettings} from the defaults; every setter may be skipped. */
    public static final class Builder {
        private String url = EMBEDDED;
        private String host = DEFAULT_HOST;
        private int port = DEFAULT_PORT;
        private String clientId;
        private String username;
        private char[] password;
        private final String site;
        private final String node;
        private int qos = DEFAULT_QOS;
        private int keepAliveSeconds = DEFAULT_KEEP_ALIVE_SECONDS;
        private int maxPending = DEFAULT_MAX_PENDING;
        private MqttProtocol protocol = MqttProtocol.V5;
        private TopicQos topicQos;
        private TlsSettings tls;
        private boolean cleanStart = true;
        private long sessionExpirySeconds;
        private Set<String> commandAcl;

        private Builder(String site, String node) {
            this.site = site;
            this.node = node;
        }

        public Builder url(String url) {
            this.url = url;
            return this;
        }

        public Builder host(String host) {
            this.host = host;
            return this;
        }

        public Builder port(int port) {
            this.port = port;
            return this;
        }

        public Builder clientId(String clientId) {
            this.clientId = clientId;
            return this;
        }

        public Builder credentials(String username, char[] password) {
            this.username = username;
            this.password = password;
            return this;
        }

        public Builder qos(int qos) {
            this.qos = qos;
            return this;
        }

        public Builder keepAliveSeconds(int keepAliveSeconds) {
            this.keepAliveSeconds = keepAliveSeconds;
            return this;
        }

        public Builder maxPending(int maxPending) {
            this.maxPending = maxPending;
            return this;
        }

        public Builder protocol(MqttProtocol protocol) {
            this.protocol = protocol;
            return this;
        }

        /** Null (the default) gives {@link #qos(int)} to every topic class. */
        public Builder topicQos(TopicQos topicQos) {
            this.topicQos = topicQos;
            return this;
        }

        public Builder tls(TlsSettings tls) {
            this.tls = tls;
            return this;
        }

        /** A persistent session: {@code cleanStart} false, kept {@code expirySeconds} by the broker after a disconnect. */
        public Builder persistentSession(long expirySeconds) {
            this.cleanStart = false;
            this.sessionExpirySeconds = expirySeconds;
            return this;
        }

        public Builder cleanStart(boolean cleanStart) {
            this.cleanStart = cleanStart;
            return this;
        }

        public Builder sessionExpirySeconds(long sessionExpirySeconds) {
            this.sessionExpirySeconds = sessionExpirySeconds;
            return this;
        }

        /** Null (the default): no ACL. */
        public Builder commandAcl(Set<String> commandAcl) {
            this.commandAcl = commandAcl;
            return this;
        }

        public MqttSettings build() {
            return new MqttSettings(url, host, port, clientId, username, password, site, node, qos, keepAliveSeconds,
                    maxPending, protocol, topicQos, tls, cleanStart, sessionExpirySeconds, commandAcl);
        }
    }
}
