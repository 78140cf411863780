package io.loupe.mqtt;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

import javax.net.ssl.SSLSocketFactory;

import com.fasterxml.jackson.databind.JsonNode;
import io.loupe.mqtt.command.CommandHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's MQTT link (MQTT 5, or 3.1.1 by {@link MqttSettings#protocol()}). It never makes the appliance wait
 * for a broker: {@link #start()} returns at once, {@link #publish} only appends to the {@link Outbox}, and one thread
 * ({@code loupe-mqtt-link}) connects in the background, reconnects forever with exponential back-off and jitter, and
 * drains the outbox, removing a message only when the broker acknowledges it. At every connect it publishes retained
 * {@value #ONLINE} on {@link Topics#status()} and the birth JSON (retained) on {@link Topics#birth()}, and subscribes
 * to commands when a handler is registered; its last will is retained {@value #OFFLINE}, which {@link #close()} also
 * publishes.
 *
 * <p>Each connection uses a fresh Paho client (memory persistence); Paho's threads run on one bounded pool of daemon
 * threads, {@code loupe-mqtt-paho-N} until Paho renames them after their job. What was in flight when a connection
 * died is sent again from the outbox on the next one, so a consumer sees every message at least once, each topic in
 * order of first arrival, and de-duplicates by {@code seq}.
 *
 * <p><b>Replay marking.</b> A message that waited for a connection — appended while the link was down, held from
 * before a restart, or in flight when a connection died — is sent with {@code "replayed":true} inserted after the
 * opening brace of its JSON object ({@link Replay}); non-JSON payloads go as they are.
 *
 * <p><b>QoS</b> is chosen per message by its topic's class ({@link MqttSettings#qosFor(String)}).
 *
 * <p><b>Commands</b> ({@link #handleCommands}): see {@link io.loupe.mqtt.command}.
 *
 * <p>Thread-safe. Exceptions: {@link IllegalArgumentException} from the constructor for settings asking for the
 * embedded broker (start it first, then pass {@link MqttSettings#withUrl}) or TLS files that cannot be used, and from
 * {@link #publish} for invalid topics or null payloads; {@link IllegalStateException} from {@link #start()} after
 * {@link #close()} and from {@link #handleCommands} after {@link #start()}. Broker trouble is never thrown: see
 * {@link #status()}.
 */
public final class MqttLink implements AutoCloseable {

    public static final String ONLINE = "online";
    public static final String OFFLINE = "offline";

    private static final Logger log = LoggerFactory.getLogger(MqttLink.class);
    private static final byte[] ONLINE_BYTES = ONLINE.getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OFFLINE_BYTES = OFFLINE.getBytes(StandardCharsets.US_ASCII);
    private static final int PAHO_THREADS = 8;
    private static final int BATCH = 64;
    private static final int COMMAND_QOS = 1;
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long BUSY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int MAX_TOPIC_BYTES = 65_535;
    /** Connections in a row the broker dropped right after one message before that message is dropped. */
    static final int CUTS_TO_REJECT = 3;
    /** "Right after": the loss came at most this long after the message was sent. */
    private static final long CUT_RECENT_NANOS = TimeUnit.SECONDS.toNanos(5);

    private final MqttSettings settings;
    private final Outbox outbox;
    private final Supplier<byte[]> birthPayload;
    private final LinkTuning tuning;
    private final Topics topics;
    private final SSLSocketFactory tls;
    private final BrokerConnection.Events events = new Events();

    private final LongAdder published = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder replayed = new LongAdder();
    private final LongAdder connectFailures = new LongAdder();
    private final LongAdder droppedAfterClose = new LongAdder();
    private final AtomicBoolean warnedAfterClose = new AtomicBoolean();
    private final RepeatedCuts cuts = new RepeatedCuts(CUTS_TO_REJECT, CUT_RECENT_NANOS);
    private final AckWatch acks = new AckWatch();

    private volatile boolean connected;
    private volatile Instant since;
    private volatile String lastError;
    private volatile boolean closed;
    private boolean closing;
    private volatile BrokerConnection current;
    /** Messages with an id up to this waited for the current connection: sent marked replayed (link thread). */
    private long replayUpTo;
    private CommandHandler commandHandler;
    private volatile CommandDispatcher commands;
    private Thread thread;
    private ScheduledThreadPoolExecutor pahoExecutor;

    /** With {@link LinkTuning#defaults()}. */
    public MqttLink(MqttSettings settings, Outbox outbox, Supplier<byte[]> birthPayload) {
        this(settings, outbox, birthPayload, LinkTuning.defaults());
    }

    /**
     * @param outbox       where messages wait; owned by the caller, who closes it after this link
     * @param birthPayload asked at every connect for the retained birth message; null from it skips the birth
     * @throws IllegalArgumentException for an embedded URL, or TLS files that cannot be read (naming file and fix)
     */
    public MqttLink(MqttSettings settings, Outbox outbox, Supplier<byte[]> birthPayload, LinkTuning tuning) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.outbox = Objects.requireNonNull(outbox, "outbox");
        this.birthPayload = Objects.requireNonNull(birthPayload, "birthPayload");
        this.tuning = Objects.requireNonNull(tuning, "tuning");
        if (settings.embedded()) {
            throw new IllegalArgumentException("mqtt.url is \"embedded\": start the broker with"
                    + " EmbeddedBroker.start(host, port, dataDir) and give the link settings.withUrl(broker.url())");
        }
        this.topics = settings.topics();
        this.since = tuning.clock().instant();
        if (settings.tls() != null) {
            try {
                this.tls = PemTls.socketFactory(settings.tls());
            } catch (MqttLinkException e) {
                throw new IllegalArgumentException(e.getMessage(), e);
            }
        } else {
            this.tls = null;
        }
    }

    public Topics topics() {
        return topics;
    }

    public MqttSettings settings() {
        return settings;
    }

    /**
     * Registers the handler of commands ({@code loupe/<site>/<node>/+/+/set}); without one the link does not
     * subscribe. Commands are checked (retain flag, {@link MqttSettings#commandAcl()}, JSON) before the handler sees
     * them, run on one bounded thread, and answered on {@code …/<setting>/state} (retained) or
     * {@code …/<pipeline>/error}.
     *
     * @throws IllegalStateException after {@link #start()} or {@link #close()}
     */
    public synchronized void handleCommands(CommandHandler handler) {
        Objects.requireNonNull(handler, "handler");
        if (thread != null || closing) {
            throw new IllegalStateException("register the command handler before MqttLink.start()");
        }
        this.commandHandler = handler;
    }

    /**
     * Starts connecting in the background and returns at once; a second call does nothing.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void start() {
        if (closing) {
            throw new IllegalStateException("MqttLink to " + settings.url() + " is closed: create a new one");
        }
        if (thread != null) {
            return;
        }
        if (commandHandler != null) {
            commands = new CommandDispatcher(settings, commandHandler, tuning.clock(), this::publish);
        }
        pahoExecutor = new ScheduledThreadPoolExecutor(PAHO_THREADS, new NamedThreads("loupe-mqtt-paho"));
        pahoExecutor.setRemoveOnCancelPolicy(true);
        thread = new Thread(this::run, "loupe-mqtt-link");
        thread.setDaemon(true);
        thread.start();
        log.info("MQTT link to {} (MQTT {}) as {} started; topics under {}{}", settings.url(),
                settings.protocol().label(), settings.clientId(), topics.root(),
                commands == null ? "" : ", commands on " + topics.commandFilter());
    }

    /**
     * Queues a message; never blocks on the network (a durable outbox returns once the message is on disk). It is
     * sent when connected, each topic in order, and leaves the outbox when the broker acknowledges it. While
     * disconnected the outbox fills; beyond its bounds the oldest are dropped and counted
     * ({@link LinkStatus#dropped()}). After {@link #close()} the message is dropped and counted.
     *
     * @param payload taken over by the link: not copied, do not modify it afterwards
     * @throws IllegalArgumentException for a topic that is empty, too long or has a wildcard, or a null payload
     */
    public void publish(String topic, byte[] payload, boolean retained) {
        checkTopic(topic);
        if (payload == null) {
            throw new IllegalArgumentException("payload of the message to " + topic
                    + " is null: send an empty array for an empty message");
        }
        if (closed) {
            droppedAfterClose.increment();
            if (warnedAfterClose.compareAndSet(false, true)) {
                log.warn("MQTT link to {} is closed: dropping messages published after close (first: {});"
                        + " stop the pipelines before the link", settings.url(), topic);
            }
            return;
        }
        outbox.append(topic, payload, retained);
        published.increment();
        if (connected) {
            wake();
        }
    }

    /**
     * Publishes the value of a setting now in force, retained on {@code …/<pipeline>/<setting>/state}
     * ({@code loupe.command.state/1}): for the appliance at start-up and after a change made another way (REST).
     *
     * @throws IllegalArgumentException for an invalid pipeline or setting name
     */
    public void publishState(String pipeline, String setting, JsonNode value) {
        String topic = topics.state(pipeline, setting);
        Objects.requireNonNull(value, "value");
        publish(topic, CommandDispatcher.statePayload(topics, tuning.clock(), pipeline, setting, value), true);
    }

    public LinkStatus status() {
        OutboxStats o = outbox.stats();
        return new LinkStatus(connected, settings.url(), lastError, published.sum(), acked.sum(), o.pending(),
                o.dropped() + droppedAfterClose.sum(), since, rejected.sum(), replayed.sum(), connectFailures.sum());
    }

    /** The outbox's depth and drops by cause. */
    public OutboxStats outboxStats() {
        return outbox.stats();
    }

    /**
     * Lets queued commands finish, sends what is queued and waits for acks up to {@link LinkTuning#closeTimeout()},
     * publishes retained {@value #OFFLINE}, disconnects and stops the threads. Unacknowledged messages stay in the
     * outbox. Idempotent; never throws.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closing) {
                return;
            }
            closing = true;
            t = thread;
        }
        CommandDispatcher c = commands;
        if (c != null) {
            c.close(1_000);
        }
        closed = true;
        if (t != null) {
            LockSupport.unpark(t);
            long waitMillis = tuning.closeTimeout().toMillis() + tuning.connectTimeout().toMillis() + 3_000;
            try {
                t.join(waitMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                log.warn("MQTT link thread did not stop within {} ms; dropping the connection", waitMillis);
                BrokerConnection bc = current;
                if (bc != null) {
                    bc.abandon();
                }
                t.interrupt();
            }
            pahoExecutor.shutdownNow();
        }
        setConnected(false);
    }

    // ---- link thread ------------------------------------------------------------------------------------------

    private void run() {
        Backoff backoff = new Backoff(tuning.reconnectInitial(), tuning.reconnectMax(), tuning.reconnectJitter(),
                () -> ThreadLocalRandom.current().nextDouble());
        boolean failing = false;
        try {
            while (!closed) {
                BrokerConnection c;
                try {
                    c = connect();
                } catch (ConnectionFailure | RuntimeException e) {
                    // the error first: a status that counts a failure also says what it was
                    lastError = "connect to " + settings.url() + " failed: " + e.getMessage();
                    connectFailures.increment();
                    Duration delay = backoff.next();
                    if (!failing) {
                        log.warn("MQTT {}; retrying with back-off (up to {} ms), messages wait in the outbox",
                                lastError, tuning.reconnectMax().toMillis());
                    } else {
                        log.debug("MQTT {}; next try in {} ms", lastError, delay.toMillis());
                    }
                    failing = true;
                    pause(delay);
                    continue;
                }
                failing = false;
                AckWatch.Waiting overdue = null;
                try {
                    overdue = pump(c);
                } catch (RuntimeException e) {
                    log.error("MQTT link failed while sending; reconnecting", e);
                    c.markLost("link error: " + e);
                }
                if (closed && c.up()) {
                    closeGracefully(c);
                    return;
                }
                if (overdue != null) {
                    ackTimedOut(c, overdue);
                } else {
                    connectionLost(c);
                }
                if (c.ageNanos() >= tuning.reconnectMax().toNanos()) {
                    backoff.reset();
                }
                pause(backoff.next());
            }
        } finally {
            BrokerConnection c = current;
            current = null;
            if (c != null) {
                c.abandon();
            }
            outbox.releaseAll();
            setConnected(false);
        }
    }

    private BrokerConnection connect() throws ConnectionFailure {
        BrokerConnection c = BrokerConnection.open(settings, topics, tuning, tls, pahoExecutor, OFFLINE_BYTES,
                events);
        current = c;
        int statusQos = settings.topicQos().status();
        try {
            c.publish(topics.status(), ONLINE_BYTES, statusQos, true, null);
            byte[] birth = birth();
            if (birth != null) {
                try {
                    c.publish(topics.birth(), birth, statusQos, true, null);
                } catch (ConnectionFailure e) {
                    if (e.kind() != ConnectionFailure.Kind.TOO_LARGE) {
                        throw e;
                    }
                    log.error("MQTT birth message to {} skipped: {}; {}", topics.birth(), e.getMessage(), SIZE_FIX);
                }
            }
        } catch (ConnectionFailure | RuntimeException e) {
            current = null;
            c.abandon();
            throw e;
        }
        if (commands != null) {
            try {
                c.subscribe(topics.commandFilter(), COMMAND_QOS, tuning.connectTimeout().toMillis());
            } catch (ConnectionFailure e) {
                lastError = "commands: " + e.getMessage();
                log.warn("MQTT {}; results are still published, commands are not received", lastError);
            }
        }
        replayUpTo = outbox.lastId();
        cuts.connected();
        acks.connected();
        setConnected(true);
        log.info("MQTT link connected to {} as {}; {} messages waiting, up to {} in flight", settings.url(),
                settings.clientId(), outbox.size(), c.window());
        return c;
    }

    private byte[] birth() {
        try {
            return birthPayload.get();
        } catch (RuntimeException e) {
            log.warn("MQTT birth message skipped: its supplier failed", e);
            return null;
        }
    }

    /** Sends until the connection goes or closes; returns the message that waited too long for its ack, or null. */
    private AckWatch.Waiting pump(BrokerConnection c) {
        long timeout = tuning.ackTimeout().toNanos();
        while (!closed && c.up()) {
            if (!sendSome(c)) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
            AckWatch.Waiting overdue = acks.overdue(timeout, System.nanoTime());
            if (overdue != null) {
                return overdue;
            }
        }
        return null;
    }

    /**
     * Sends the next pending messages that fit the window; false when there was nothing to send or room for it. It
     * refills as soon as one slot is free: a PUBLISH going out carries the TCP acknowledgement of the PUBACKs that
     * came in, which a broker with Nagle's algorithm on (Mosquitto's default) waits for before sending the next ones.
     */
    private boolean sendSome(BrokerConnection c) {
        int room = (cuts.careful() ? 1 : c.window()) - c.inFlight();
        if (room <= 0) {
            return false;
        }
        List<OutboxMessage> batch = outbox.peek(Math.min(room, BATCH));
        if (batch.isEmpty()) {
            return false;
        }
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage m = batch.get(i);
            byte[] payload = m.payload();
            boolean replay = m.id() <= replayUpTo;
            if (replay) {
                payload = Replay.mark(payload);
            }
            long now = System.nanoTime();
            cuts.sent(m.id(), m.topic(), payload.length, now);
            acks.sent(m.id(), m.topic(), now);
            try {
                c.publish(m.topic(), payload, settings.qosFor(m.topic()), m.retained(), m.id());
                if (replay) {
                    replayed.increment();
                }
            } catch (ConnectionFailure e) {
                cuts.unsent(m.id());
                acks.done(m.id());
                switch (e.kind()) {
                    case INVALID -> {
                        reject(m.id(), m.topic(), e.getMessage());
                        continue;
                    }
                    case TOO_LARGE -> {
                        if (outbox.ack(m.id())) {
                            rejected.increment();
                            log.error("MQTT message {} to {} is too large for the broker: {}; dropped (counted as"
                                    + " rejected), the messages after it go on; {}", m.id(), m.topic(),
                                    e.getMessage(), SIZE_FIX);
                        }
                        continue;
                    }
                    default -> {
                        // handled below
                    }
                }
                for (int j = i; j < batch.size(); j++) {
                    outbox.release(batch.get(j).id());
                }
                if (e.kind() == ConnectionFailure.Kind.TOO_MANY_IN_FLIGHT) {
                    LockSupport.parkNanos(this, BUSY_PARK_NANOS);
                    return true;
                }
                // not connected, disconnecting, …: the connection is going; the outbox keeps the rest.
                c.markLost("publish failed: " + e.getMessage());
                return false;
            }
        }
        return true;
    }

    /** How to fix a message the broker finds too large. */
    private static final String SIZE_FIX = "raise the broker's limit (Mosquitto: max_packet_size and"
            + " message_size_limit; other brokers: their maximum packet or message size) or make the payload smaller";

    private void reject(long id, String topic, String why) {
        if (outbox.ack(id)) {
            rejected.increment();
            log.warn("MQTT message {} to {} rejected ({}): dropped, since sending it again cannot succeed;"
                    + " check the broker's ACLs and limits", id, topic, why);
        }
    }

    private void closeGracefully(BrokerConnection c) {
        long t0 = System.nanoTime();
        long deadline = t0 + tuning.closeTimeout().toNanos();
        while (c.up() && outbox.size() > 0 && System.nanoTime() < deadline) {
            if (!sendSome(c)) {
                LockSupport.parkNanos(this, Math.min(TimeUnit.MILLISECONDS.toNanos(10), deadline - System.nanoTime()));
            }
        }
        if (c.up()) {
            c.publishAndWait(topics.status(), OFFLINE_BYTES, settings.topicQos().status(), true,
                    Math.max(1_000, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            c.disconnect(1_000);
        }
        current = null;
        c.abandon();
        setConnected(false);
        int left = outbox.size();
        if (left > 0) {
            log.warn("MQTT link to {} closed with {} messages not acknowledged; they stay in the outbox",
                    settings.url(), left);
        } else {
            log.info("MQTT link to {} closed in {} ms", settings.url(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        }
    }

    private void connectionLost(BrokerConnection c) {
        current = null;
        lastError = "connection to " + settings.url() + " lost: " + c.lossReason();
        setConnected(false);
        c.abandon();
        outbox.releaseAll();
        RepeatedCuts.Suspect s = cuts.lost(System.nanoTime());
        if (s != null && outbox.ack(s.id())) {
            rejected.increment();
            log.error("MQTT message {} to {} ({} bytes of payload) was refused {} times in a row: the broker dropped"
                    + " the connection each time right after it was sent, and never acknowledged it; dropped (counted"
                    + " as rejected), the messages after it go on. It may be larger than the broker's packet limit:"
                    + " {}", s.id(), s.topic(), s.bytes(), s.cuts(), SIZE_FIX);
        }
        if (!closed) {
            log.warn("MQTT {}; reconnecting, {} messages wait in the outbox", lastError, outbox.size());
        }
    }

    /**
     * The broker kept the connection up but did not acknowledge a message within {@link LinkTuning#ackTimeout()}:
     * given up like a lost connection (what was in flight goes back to the outbox and is sent again, in order and
     * marked replayed, on the next one), but not counted as a cut ({@link RepeatedCuts}): the broker read on and
     * answered pings, so the message is no evidence of a packet it refuses, and it must not be dropped for it.
     */
    private void ackTimedOut(BrokerConnection c, AckWatch.Waiting w) {
        String waited = shortDuration(tuning.ackTimeout());
        c.markLost("no acknowledgement of message " + w.id() + " within " + waited);
        current = null;
        lastError = "broker " + settings.url() + " did not acknowledge message " + w.id() + " to " + w.topic()
                + " within " + waited + " although the connection stayed up (pings answered): the broker, or a"
                + " bridge or proxy in front of it, is stalled or drops QoS 1 publishes; check its log; reconnecting";
        setConnected(false);
        c.abandon();
        outbox.releaseAll();
        cuts.timedOut();
        if (!closed) {
            log.warn("MQTT {}, {} messages wait in the outbox", lastError, outbox.size());
        }
    }

    private static String shortDuration(Duration d) {
        long ms = d.toMillis();
        return ms % 1_000 == 0 ? ms / 1_000 + " s" : ms + " ms";
    }

    private void pause(Duration d) {
        long end = System.nanoTime() + d.toNanos();
        while (!closed) {
            long left = end - System.nanoTime();
            if (left <= 0) {
                return;
            }
            LockSupport.parkNanos(this, left);
        }
    }

    private void wake() {
        Thread t = thread;
        if (t != null) {
            LockSupport.unpark(t);
        }
    }

    private void setConnected(boolean value) {
        if (connected != value) {
            connected = value;
            since = tuning.clock().instant();
        }
    }

    private static void checkTopic(String topic) {
        if (topic == null || topic.isEmpty()) {
            throw new IllegalArgumentException("MQTT topic must not be " + (topic == null ? "null" : "empty")
                    + ": build it with Topics, e.g. topics.result(\"defect\")");
        }
        for (int i = 0; i < topic.length(); i++) {
            char ch = topic.charAt(i);
            if (ch == '+' || ch == '#' || ch == '\0') {
                throw new IllegalArgumentException("MQTT topic \"" + topic.replace("\0", "\\0") + "\" contains "
                        + (ch == '\0' ? "NUL" : "the wildcard '" + ch + "'") + ", which is not allowed when"
                        + " publishing: build it with Topics, which checks every level");
            }
        }
        if (topic.length() * 3 > MAX_TOPIC_BYTES
                && topic.getBytes(StandardCharsets.UTF_8).length > MAX_TOPIC_BYTES) {
            throw new IllegalArgumentException("MQTT topic of " + topic.length() + " characters is longer than the"
                    + " protocol's 65535 bytes: shorten its names");
        }
    }

    /** Paho's callbacks, on Paho's threads: never block, never throw. */
    private final class Events implements BrokerConnection.Events {
        @Override
        public void completed(BrokerConnection c, Object context, String topic, BrokerConnection.Outcome outcome,
                              String detail) {
            if (context instanceof Long id) {
                switch (outcome) {
                    case ACKED -> {
                        acks.done(id);
                        cuts.acked(id);
                        if (outbox.ack(id)) {
                            acked.increment();
                        }
                    }
                    case REFUSED -> {
                        acks.done(id);
                        cuts.acked(id);
                        reject(id, topic, detail);
                    }
                    case FAILED -> {
                        if (c == current && c.up()) {
                            acks.done(id);
                            outbox.release(id);
                        }
                    }
                }
            }
            wake();
        }

        @Override
        public void arrived(String topic, byte[] payload, boolean retained) {
            CommandDispatcher d = commands;
            if (d != null) {
                d.submit(topic, payload, retained);
            }
        }

        @Override
        public void lost() {
            wake();
        }
    }
}
