package io.loupe.pipelines;

import java.time.Instant;

/**
 * "Part N is in view now": an external trigger (a PLC or a light barrier, over MQTT or REST) that makes a pipeline
 * judge the next frame as that part. Every accepted trigger gives exactly one result: the part's verdict, or — when no
 * frame comes within the pipeline's deadline — a result marked late. Thread-safe.
 */
public interface PartTrigger {

    /**
     * Announces a part.
     *
     * @param partId the part's id as the line knows it (serial number, carrier id); 1–128 printable characters
     * @param at     when the part was in view (the trigger's own timestamp, or the time the call arrived)
     * @throws IllegalArgumentException when {@code partId} is blank, too long or has control characters, or when a
     *                                  trigger for the same part is still pending; the message names the id
     * @throws IllegalStateException    when the pipeline's queue of pending triggers is full (the line triggers faster
     *                                  than frames come) or the pipeline is closed; the message gives the limit and the
     *                                  setting that raises it
     */
    void trigger(String partId, Instant at);

    /** Triggers waiting for a frame right now. */
    int pending();
}
