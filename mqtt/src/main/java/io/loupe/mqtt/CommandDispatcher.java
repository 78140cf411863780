package io.loupe.mqtt;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.mqtt.command.Command;
import io.loupe.mqtt.command.CommandError;
import io.loupe.mqtt.command.CommandHandler;
import io.loupe.mqtt.command.CommandRejected;
import io.loupe.mqtt.command.CommandResult;
import io.loupe.mqtt.payload.CommandErrorPayload;
import io.loupe.mqtt.payload.CommandStatePayload;
import io.loupe.mqtt.payload.PayloadJson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns {@code …/<pipeline>/<setting>/set} messages into {@link Command}s for the {@link CommandHandler}, on one
 * bounded thread ({@code loupe-mqtt-command-1}, {@value #QUEUE} waiting at most), never on Paho's callback thread.
 * Checks, in this order, before the handler is called: the retain flag, the ACL, the JSON. Publishes the applied value
 * retained on {@code …/<setting>/state} and every rejection on {@code …/<pipeline>/error}.
 */
final class CommandDispatcher {

    /** Publishes through the link's outbox. */
    interface Publisher {
        void publish(String topic, byte[] payload, boolean retained);
    }

    static final int QUEUE = 64;
    private static final Logger log = LoggerFactory.getLogger(CommandDispatcher.class);
    private static final ObjectMapper STRICT = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private record Target(String pipeline, String setting) {
    }

    private final MqttSettings settings;
    private final Topics topics;
    private final CommandHandler handler;
    private final Clock clock;
    private final Publisher publisher;
    private final ThreadPoolExecutor executor;

    CommandDispatcher(MqttSettings settings, CommandHandler handler, Clock clock, Publisher publisher) {
        this.settings = settings;
        this.topics = settings.topics();
        this.handler = handler;
        this.clock = clock;
        this.publisher = publisher;
        this.executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                new NamedThreads("loupe-mqtt-command"), new ThreadPoolExecutor.AbortPolicy());
    }

    /** On Paho's callback thread: queues the command, or rejects it as busy when {@value #QUEUE} are waiting. */
    void submit(String topic, byte[] payload, boolean retained) {
        try {
            executor.execute(() -> dispatch(topic, payload, retained));
        } catch (RejectedExecutionException e) {
            Target t = parse(topic);
            if (t != null && !executor.isShutdown()) {
                reject(t, payload, CommandError.BUSY, "more than " + QUEUE + " commands are waiting: send one at a"
                        + " time and wait for its …/state or …/error reply");
            }
        }
    }

    private void dispatch(String topic, byte[] payload, boolean retained) {
        Target t = parse(topic);
        if (t == null) {
            log.debug("MQTT message on {} is not a command topic; ignored", topic);
            return;
        }
        if (retained) {
            reject(t, payload, CommandError.RETAINED, "the command was retained on the broker: publish …/set"
                    + " without the retain flag (a retained command would be applied again at every reconnect), and"
                    + " clear it with an empty retained message on " + topic);
            return;
        }
        if (!settings.commandAllowed(t.pipeline(), t.setting())) {
            reject(t, payload, CommandError.NOT_IN_ACL, "setting \"" + t.setting() + "\" of pipeline \""
                    + t.pipeline() + "\" may not be changed over MQTT: the ACL (mqtt.commandAcl) is "
                    + settings.commandAcl() + "; add \"" + t.setting() + "\" or \"" + t.pipeline() + "/"
                    + t.setting() + "\" to it to allow it");
            return;
        }
        JsonNode value;
        try {
            value = payload.length == 0 ? null : STRICT.readTree(payload);
        } catch (JsonProcessingException e) {
            reject(t, payload, CommandError.MALFORMED, "the payload is not JSON (" + e.getOriginalMessage() + "):"
                    + " send the value as JSON, e.g. 0.6, true, \"on\" (with the quotes) or {\"minScore\":0.5}");
            return;
        } catch (IOException e) {
            reject(t, payload, CommandError.MALFORMED, "the payload cannot be read: " + e.getMessage());
            return;
        }
        if (value == null || value.isMissingNode()) {
            reject(t, payload, CommandError.MALFORMED, "the payload is empty: send the value as JSON, e.g. 0.6,"
                    + " true, \"on\" (with the quotes) or {\"minScore\":0.5}");
            return;
        }
        Command command = new Command(t.pipeline(), t.setting(), payload, value);
        CommandResult result;
        try {
            result = handler.handle(command);
        } catch (CommandRejected e) {
            reject(t, payload, e.error(), e.reason());
            return;
        } catch (RuntimeException e) {
            log.error("MQTT command {} failed in its handler", command, e);
            reject(t, payload, CommandError.FAILED, "the command handler failed (" + e + "); see the appliance"
                    + " log");
            return;
        }
        if (result == null) {
            reject(t, payload, CommandError.FAILED, "the command handler returned no result; see the appliance log");
            return;
        }
        publishState(t.pipeline(), t.setting(), result.value());
        log.info("MQTT command {}/{} applied: {}", t.pipeline(), t.setting(), result.value());
    }

    /** Publishes {@code value} retained on {@code …/<pipeline>/<setting>/state}. */
    void publishState(String pipeline, String setting, JsonNode value) {
        publisher.publish(topics.under(pipeline, setting, "state"), statePayload(topics, clock, pipeline, setting,
                value), true);
    }

    /** {@code loupe.command.state/1} as JSON. */
    static byte[] statePayload(Topics topics, Clock clock, String pipeline, String setting, JsonNode value) {
        return PayloadJson.bytes(new CommandStatePayload(CommandStatePayload.SCHEMA, clock.instant(), topics.site(),
                topics.node(), pipeline, setting, value));
    }

    private void reject(Target t, byte[] payload, CommandError error, String reason) {
        String text = text(payload);
        boolean truncated = text.length() > CommandErrorPayload.MAX_PAYLOAD_CHARS;
        if (truncated) {
            text = text.substring(0, CommandErrorPayload.MAX_PAYLOAD_CHARS);
        }
        CommandErrorPayload e = new CommandErrorPayload(CommandErrorPayload.SCHEMA, clock.instant(), topics.site(),
                topics.node(), t.pipeline(), t.setting(), error.code(), reason, text, payload.length, truncated);
        publisher.publish(topics.under(t.pipeline(), "error"), PayloadJson.bytes(e), false);
        log.warn("MQTT command {}/{} rejected ({}): {}", t.pipeline(), t.setting(), error.code(), reason);
    }

    /** UTF-8, with U+FFFD for what is not. */
    private static String text(byte[] payload) {
        CharsetDecoder d = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        try {
            CharBuffer c = d.decode(ByteBuffer.wrap(payload));
            return c.toString();
        } catch (java.nio.charset.CharacterCodingException e) {
            return "";
        }
    }

    private Target parse(String topic) {
        String prefix = topics.root() + "/";
        if (!topic.startsWith(prefix)) {
            return null;
        }
        String[] parts = topic.substring(prefix.length()).split("/", -1);
        if (parts.length != 3 || !parts[2].equals("set") || parts[0].isEmpty() || parts[1].isEmpty()) {
            return null;
        }
        return new Target(parts[0], parts[1]);
    }

    /** Lets the queued commands finish (up to {@code waitMillis}), then stops the thread. */
    void close(long waitMillis) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(waitMillis, TimeUnit.MILLISECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
