package io.loupe.appliance.publish;

import io.loupe.camera.Frame;
import io.loupe.mqtt.MqttLink;
import io.loupe.mqtt.Topics;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.ResultSink;
import io.loupe.pipelines.defect.DefectResult;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes every result on {@code loupe/<site>/<node>/<pipeline>/result}. The link's outbox takes the message at once
 * (never blocking the worker) and sends it when the broker is there. Keeps each pipeline's recent payloads for the page.
 */
public final class ResultPublisher implements ResultSink {
    private final MqttLink link;
    private final Topics topics;
    private final Payloads payloads;
    private static final int RECENT = 20;
    private final Map<String, Deque<Object>> recent = new ConcurrentHashMap<>();

    public ResultPublisher(MqttLink link, Topics topics, Payloads payloads) {
        this.link = link;
        this.topics = topics;
        this.payloads = payloads;
    }

    @Override
    public void accept(String pipeline, PipelineResult result, Frame frame) {
        Object payload = payloads.of(pipeline, result);
        Deque<Object> r = recent.computeIfAbsent(pipeline, p -> new ArrayDeque<>(RECENT));
        synchronized (r) {
            if (r.size() == RECENT) {
                r.removeLast();
            }
            r.addFirst(payload);
        }
        byte[] json = Json.bytes(payload);
        link.publish(topics.result(pipeline), json, false);
        if (result instanceof DefectResult d && d.reject()) {
            // The reject command for the line's ejector: the same result on a topic of its own, so a PLC subscribes to
            // exactly what it must act on.
            link.publish(topics.root() + "/" + pipeline + "/reject", json, false);
        }
    }

    /** The last payload published for {@code pipeline}, or null. */
    public Object lastPayload(String pipeline) {
        Deque<Object> r = recent.get(pipeline);
        if (r == null) {
            return null;
        }
        synchronized (r) {
            return r.peekFirst();
        }
    }

    /** Up to the last {@value #RECENT} payloads of {@code pipeline}, newest first. */
    public List<Object> recentPayloads(String pipeline) {
        Deque<Object> r = recent.get(pipeline);
        if (r == null) {
            return List.of();
        }
        synchronized (r) {
            return List.copyOf(r);
        }
    }
}
