package io.loupe.pipelines.defect.part;

import io.loupe.pipelines.PartTrigger;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pending part triggers, in arrival order. Callers (REST, MQTT) add; the pipeline's worker takes the ones a frame
 * reaches and, at their deadline, the ones no frame reached. Bounded; thread-safe.
 */
public final class TriggerQueue implements PartTrigger {

    /**
     * One announced part.
     *
     * @param partId     the part's id
     * @param at         when it was in view (the trigger's time)
     * @param readyAt    frames captured at or after this show it ({@code at} plus the configured delay)
     * @param deadlineAt its result is due by then
     */
    public record Pending(String partId, Instant at, Instant readyAt, Instant deadlineAt) {
    }

    private static final int MAX_ID_LENGTH = 128;

    private final int capacity;
    private final Duration delay;
    private final Duration deadline;
    private final Map<String, Pending> pending = new LinkedHashMap<>();
    private long refused;
    private boolean closed;

    /**
     * @param capacity most triggers pending at once
     * @param delay    from a trigger to the first frame that shows the part
     * @param deadline from a trigger to its result
     */
    public TriggerQueue(int capacity, Duration delay, Duration deadline) {
        if (capacity < 1) {
            throw new IllegalArgumentException("trigger queue capacity must be >= 1, got " + capacity);
        }
        this.capacity = capacity;
        this.delay = delay;
        this.deadline = deadline;
    }

    @Override
    public synchronized void trigger(String partId, Instant at) {
        checkId(partId);
        if (at == null) {
            throw new IllegalArgumentException("trigger for part '" + partId + "' has no time");
        }
        if (closed) {
            throw new IllegalStateException("the pipeline is closed; trigger for part '" + partId + "' refused");
        }
        if (pending.containsKey(partId)) {
            refused++;
            throw new IllegalArgumentException("part '" + partId + "' is already waiting for a frame (triggered at "
                    + pending.get(partId).at() + "); send one trigger per part");
        }
        if (pending.size() >= capacity) {
            refused++;
            throw new IllegalStateException(capacity + " triggers are already waiting for a frame; part '" + partId
                    + "' refused. The line triggers faster than the camera delivers: check the camera, or raise"
                    + " trigger.maxPending");
        }
        pending.put(partId, new Pending(partId, at, at.plus(delay), at.plus(deadline)));
    }

    private static void checkId(String partId) {
        if (partId == null || partId.isBlank()) {
            throw new IllegalArgumentException("a trigger needs a part id (serial number, carrier id); got "
                    + (partId == null ? "none" : "a blank one"));
        }
        if (partId.length() > MAX_ID_LENGTH) {
            throw new IllegalArgumentException("part id '" + partId.substring(0, 32) + "…' has " + partId.length()
                    + " characters; at most " + MAX_ID_LENGTH);
        }
        for (int i = 0; i < partId.length(); i++) {
            if (Character.isISOControl(partId.charAt(i))) {
                throw new IllegalArgumentException("part id '" + partId.replaceAll("\\p{Cntrl}", "?")
                        + "' has a control character at " + i + "; use printable characters");
            }
        }
    }

    @Override
    public synchronized int pending() {
        return pending.size();
    }

    /** Triggers refused so far (duplicates, queue full). */
    public synchronized long refused() {
        return refused;
    }

    /** Takes the triggers that a frame captured at {@code capturedAt} shows, oldest first. */
    public synchronized List<Pending> takeReady(Instant capturedAt) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Pending> ready = new ArrayList<>(2);
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!capturedAt.isBefore(p.readyAt())) {
                ready.add(p);
                it.remove();
            }
        }
        return ready;
    }

    /** Takes the triggers whose deadline has come by {@code now} without a frame, oldest first. */
    public synchronized List<Pending> takeExpired(Instant now) {
        if (pending.isEmpty()) {
            return List.of();
        }
        List<Pending> expired = new ArrayList<>(2);
        for (Iterator<Pending> it = pending.values().iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (!now.isBefore(p.deadlineAt())) {
                expired.add(p);
                it.remove();
            }
        }
        return expired;
    }

    /** Takes every pending trigger, oldest first. */
    public synchronized List<Pending> takeAll() {
        List<Pending> all = new ArrayList<>(pending.values());
        pending.clear();
        return all;
    }

    /** The earliest deadline of a pending trigger, or null. */
    public synchronized Instant nextDeadline() {
        Instant next = null;
        for (Pending p : pending.values()) {
            if (next == null || p.deadlineAt().isBefore(next)) {
                next = p.deadlineAt();
            }
        }
        return next;
    }

    /** Refuses further triggers. Idempotent. */
    public synchronized void close() {
        closed = true;
    }
}
