package io.loupe.appliance.publish;

import io.loupe.camera.Frame;
import io.loupe.mqtt.MqttLink;
import io.loupe.mqtt.Topics;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.ResultSink;
import io.loupe.pipelines.defect.DefectResult;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Publishes every result on {@code loupe/<site>/<node>/<pipeline>/result}, a pipeline's alerts on {@code …/event} (and
 * NG parts to be rejected on {@code …/reject}). Workers hand results over and go on with the next frame: one named
 * thread, {@code loupe-publish}, builds the payload, serialises it and appends it to the link's durable outbox, which
 * waits for its commit (about a millisecond, tens under load) so that the worker does not. The hand-over queue is
 * bounded; when it is full the worker waits (back-pressure), nothing is dropped, and results keep their order. Keeps
 * each pipeline's recent payloads for the page.
 */
public final class ResultPublisher implements ResultSink, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ResultPublisher.class);
    private static final int RECENT = 20;
    private static final int QUEUE = 1024;
    private static final Pending STOP = new Pending(null, null);

    private final MqttLink link;
    private final Topics topics;
    private final Payloads payloads;
    private final Map<String, Deque<Object>> recent = new ConcurrentHashMap<>();
    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(QUEUE);
    private final Thread thread = new Thread(this::loop, "loupe-publish");
    private volatile boolean closed;

    /** One result on its way: which pipeline, what. */
    private record Pending(String pipeline, PipelineResult result) {
    }

    /** A publisher; {@link #start()} it before the pipelines. */
    public ResultPublisher(MqttLink link, Topics topics, Payloads payloads) {
        this.link = link;
        this.topics = topics;
        this.payloads = payloads;
        thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    /**
     * Queues the result for publishing; waits only while {@value #QUEUE} results are already queued. After
     * {@link #close()} (a result that comes due while the appliance stops) it publishes on the caller's thread.
     */
    @Override
    public void accept(String pipeline, PipelineResult result, Frame frame) {
        if (!closed) {
            try {
                queue.put(new Pending(pipeline, result));
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        publish(pipeline, result);
    }

    private void loop() {
        for (;;) {
            Pending p;
            try {
                p = queue.take();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (p == STOP) {
                return;
            }
            try {
                publish(p.pipeline(), p.result());
            } catch (RuntimeException e) {
                LOG.warn("pipeline {}: result {} could not be published", p.pipeline(), p.result().seq(), e);
            }
        }
    }

    private void publish(String pipeline, PipelineResult result) {
        Object payload = payloads.of(pipeline, result);
        byte[] json = Json.bytes(payload);
        if (Payloads.isAlert(result)) {
            link.publish(topics.event(pipeline), json, false);
            return;
        }
        Deque<Object> r = recent.computeIfAbsent(pipeline, p -> new ArrayDeque<>(RECENT));
        synchronized (r) {
            if (r.size() == RECENT) {
                r.removeLast();
            }
            r.addFirst(payload);
        }
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

    /** Publishes what is queued, then stops the thread (waiting up to 10 s). Idempotent. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (thread.isAlive()) {
                queue.put(STOP);
                thread.join(10_000);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive()) {
            LOG.warn("result publisher: {} results still queued after 10 s; the outbox did not take them", queue.size());
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
