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

import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttClientException;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The appliance's MQTT v5 link. It never makes the appliance wait for a broker: {@link #start()} returns at once,
 * {@link #publish} only appends to the {@link Outbox}, and one thread ({@code loupe-mqtt-link}) connects in the
 * background, reconnects forever with exponential back-off and jitter, and drains the outbox in order, removing a
 * message only when the broker acknowledges it. At every connect it publishes retained {@value #ONLINE} on
 * {@link Topics#status()} and the birth JSON (retained) on {@link Topics#birth()}; its last will is retained
 * {@value #OFFLINE}, which {@link #close()} also publishes.
 *
 * <p>Each connection uses a fresh Paho client (clean start, memory persistence); Paho's threads run on one bounded pool
 * of daemon threads, {@code loupe-mqtt-paho-N} until Paho renames them after their job ({@code MQTT Rec: <clientId>},
 * {@code MQTT Snd: …}, {@code MQTT Call: …}). What was in flight when a connection died is sent again from the outbox
 * on the next one, so a consumer sees every message at least once, in order of first arrival, and de-duplicates by
 * {@code seq}.
 *
 * <p>Thread-safe. Exceptions: {@link IllegalArgumentException} for settings asking for the embedded broker (start it
 * first, then pass {@link MqttSettings#withUrl}) and for invalid topics or null payloads in {@link #publish};
 * {@link IllegalStateException} from {@link #start()} after {@link #close()}. Broker trouble is never thrown: see
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
    private static final long IDLE_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(250);
    private static final long BUSY_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    private static final int MAX_TOPIC_BYTES = 65_535;

    private final MqttSettings settings;
    private final Outbox outbox;
    private final Supplier<byte[]> birthPayload;
    private final LinkTuning tuning;
    private final Topics topics;

    private final LongAdder published = new LongAdder();
    private final LongAdder acked = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder droppedAfterClose = new LongAdder();
    private final AtomicBoolean warnedAfterClose = new AtomicBoolean();

    private volatile boolean connected;
    private volatile Instant since;
    private volatile String lastError;
    private volatile boolean closed;
    private volatile PahoConnection current;
    private Thread thread;
    private ScheduledThreadPoolExecutor pahoExecutor;

    /** With {@link LinkTuning#defaults()}. */
    public MqttLink(MqttSettings settings, Outbox outbox, Supplier<byte[]> birthPayload) {
        this(settings, outbox, birthPayload, LinkTuning.defaults());
    }

    /**
     * @param outbox       where messages wait; owned by the caller, who closes it after this link
     * @param birthPayload asked at every connect for the retained birth message; null from it skips the birth
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
    }

    public Topics topics() {
        return topics;
    }

    public MqttSettings settings() {
        return settings;
    }

    /**
     * Starts connecting in the background and returns at once; a second call does nothing.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized void start() {
        if (closed) {
            throw new IllegalStateException("MqttLink to " + settings.url() + " is closed: create a new one");
        }
        if (thread != null) {
            return;
        }
        pahoExecutor = new ScheduledThreadPoolExecutor(PAHO_THREADS, new NamedThreads("loupe-mqtt-paho"));
        pahoExecutor.setRemoveOnCancelPolicy(true);
        thread = new Thread(this::run, "loupe-mqtt-link");
        thread.setDaemon(true);
        thread.start();
        log.info("MQTT link to {} as {} started; topics under {}", settings.url(), settings.clientId(),
                topics.root());
    }

    /**
     * Queues a message; never blocks on the network. It is sent when connected, in order, and leaves the outbox
     * when the broker acknowledges it. While disconnected the outbox fills; when full the oldest are dropped and
     * counted ({@link LinkStatus#dropped()}). After {@link #close()} the message is dropped and counted.
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

    public LinkStatus status() {
        return new LinkStatus(connected, settings.url(), lastError, published.sum(), acked.sum(), outbox.size(),
                outbox.dropped() + droppedAfterClose.sum(), since, rejected.sum());
    }

    /**
     * Sends what is queued and waits for acks up to {@link LinkTuning#closeTimeout()}, publishes retained
     * {@value #OFFLINE}, disconnects and stops the threads. Unacknowledged messages stay in the outbox.
     * Idempotent; never throws.
     */
    @Override
    public void close() {
        Thread t;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            t = thread;
        }
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
                PahoConnection c = current;
                if (c != null) {
                    c.abandon();
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
                PahoConnection c;
                try {
                    c = connect();
                } catch (MqttException | RuntimeException e) {
                    lastError = "connect to " + settings.url() + " failed: " + PahoConnection.describe(e);
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
                try {
                    pump(c);
                } catch (RuntimeException e) {
                    log.error("MQTT link failed while sending; reconnecting", e);
                    c.markLost("link error: " + PahoConnection.describe(e));
                }
                if (closed && c.up()) {
                    closeGracefully(c);
                    return;
                }
                connectionLost(c);
                if (c.ageNanos() >= tuning.reconnectMax().toNanos()) {
                    backoff.reset();
                }
                pause(backoff.next());
            }
        } finally {
            PahoConnection c = current;
            current = null;
            if (c != null) {
                c.abandon();
            }
            outbox.releaseAll();
            setConnected(false);
        }
    }

    private PahoConnection connect() throws MqttException {
        PahoConnection c = PahoConnection.open(settings, topics, tuning, pahoExecutor, OFFLINE_BYTES, this::wake,
                this::completed);
        current = c;
        try {
            c.publish(topics.status(), ONLINE_BYTES, settings.qos(), true, null);
            byte[] birth = birth();
            if (birth != null) {
                c.publish(topics.birth(), birth, settings.qos(), true, null);
            }
        } catch (MqttException | RuntimeException e) {
            current = null;
            c.abandon();
            throw e;
        }
        setConnected(true);
        log.info("MQTT link connected to {} as {}; {} messages waiting", settings.url(), settings.clientId(),
                outbox.size());
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

    private void pump(PahoConnection c) {
        while (!closed && c.up()) {
            if (!sendSome(c)) {
                LockSupport.parkNanos(this, IDLE_PARK_NANOS);
            }
        }
    }

    /** Sends the next pending messages that fit the window; false when there was nothing to send or room for it. */
    private boolean sendSome(PahoConnection c) {
        int room = c.window() - c.inFlight();
        if (room <= 0) {
            return false;
        }
        List<OutboxMessage> batch = outbox.peek(Math.min(room, BATCH));
        if (batch.isEmpty()) {
            return false;
        }
        for (int i = 0; i < batch.size(); i++) {
            OutboxMessage m = batch.get(i);
            try {
                c.publish(m.topic(), m.payload(), settings.qos(), m.retained(), m.id());
            } catch (IllegalArgumentException e) {
                reject(m.id(), m.topic(), "Paho refused it: " + e.getMessage());
            } catch (MqttException e) {
                if (e.getReasonCode() == MqttClientException.REASON_CODE_OUTGOING_PACKET_TOO_LARGE) {
                    reject(m.id(), m.topic(), "larger than the broker's Maximum Packet Size");
                    continue;
                }
                for (int j = i; j < batch.size(); j++) {
                    outbox.release(batch.get(j).id());
                }
                if (e.getReasonCode() == MqttClientException.REASON_CODE_MAX_INFLIGHT) {
                    LockSupport.parkNanos(this, BUSY_PARK_NANOS);
                    return true;
                }
                // 32104 not connected, 32102 disconnecting, …: the connection is going; the outbox keeps the rest.
                c.markLost("publish failed: " + PahoConnection.describe(e));
                return false;
            }
        }
        return true;
    }

    /** Paho callback thread: a publish completed on connection {@code c}. */
    private void completed(PahoConnection c, IMqttToken token, Throwable failure) {
        if (token.getUserContext() instanceof Long id) {
            if (failure == null) {
                int code = firstReasonCode(token);
                if (code >= 0x80) {
                    reject(id, topicOf(token), "broker reason code 0x" + Integer.toHexString(code));
                } else if (outbox.ack(id)) {
                    acked.increment();
                }
            } else if (failure instanceof MqttException me && isRefusal(me.getReasonCode())) {
                reject(id, topicOf(token), "reason code " + me.getReasonCode() + ": " + me.getMessage());
            } else if (c == current && c.up()) {
                outbox.release(id);
            }
        }
        wake();
    }

    private void reject(long id, String topic, String why) {
        if (outbox.ack(id)) {
            rejected.increment();
            log.warn("MQTT message {} to {} rejected ({}): dropped, since sending it again cannot succeed;"
                    + " check the broker's ACLs and limits", id, topic, why);
        }
    }

    private void closeGracefully(PahoConnection c) {
        long t0 = System.nanoTime();
        long deadline = t0 + tuning.closeTimeout().toNanos();
        while (c.up() && outbox.size() > 0 && System.nanoTime() < deadline) {
            if (!sendSome(c)) {
                LockSupport.parkNanos(this, Math.min(TimeUnit.MILLISECONDS.toNanos(10), deadline - System.nanoTime()));
            }
        }
        if (c.up()) {
            try {
                IMqttToken t = c.publish(topics.status(), OFFLINE_BYTES, settings.qos(), true, null);
                t.waitForCompletion(Math.max(1_000, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            } catch (MqttException e) {
                log.warn("MQTT link could not publish {} on {} before closing: {}", OFFLINE, topics.status(),
                        PahoConnection.describe(e));
            }
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

    private void connectionLost(PahoConnection c) {
        current = null;
        lastError = "connection to " + settings.url() + " lost: " + c.lossReason();
        setConnected(false);
        c.abandon();
        outbox.releaseAll();
        if (!closed) {
            log.warn("MQTT {}; reconnecting, {} messages wait in the outbox", lastError, outbox.size());
        }
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

    /** An MQTT v5 error reason code from the broker, or a packet the broker's limits forbid: resending won't help. */
    private static boolean isRefusal(int reasonCode) {
        return reasonCode >= 0x80 && reasonCode <= 0xFF
                || reasonCode == MqttClientException.REASON_CODE_OUTGOING_PACKET_TOO_LARGE;
    }

    private static int firstReasonCode(IMqttToken token) {
        int[] codes = token.getReasonCodes();
        return codes == null || codes.length == 0 ? 0 : codes[0];
    }

    private static String topicOf(IMqttToken token) {
        String[] t = token.getTopics();
        return t == null || t.length == 0 ? "?" : t[0];
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
}
