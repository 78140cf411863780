package io.loupe.pipelines;

import java.util.ArrayList;
import java.util.List;

/**
 * Per-phase latency windows of one pipeline. Stages add the phases they measure while a frame is in flight
 * ({@link #add}); the {@link PipelineWorker} opens and closes each frame, so that a frame's phases are summed (several
 * model calls in one frame count as one frame) and {@link Phase#RULES} is what the chain took beyond the model phases.
 * Adding allocates nothing and is for the worker's thread only; {@link #snapshot()} is thread-safe.
 */
public final class PhaseLatencies {
    private static final Phase[] PHASES = Phase.values();
    private static final Phase[] MODEL_PHASES = {Phase.PREPROCESS, Phase.INFERENCE, Phase.POSTPROCESS};
    private static final int WINDOW = 512;

    private final LatencyWindow[] windows = new LatencyWindow[PHASES.length];
    private final long[] inFrame = new long[PHASES.length];
    private final boolean[] seen = new boolean[PHASES.length];

    public PhaseLatencies() {
        for (int i = 0; i < windows.length; i++) {
            windows[i] = new LatencyWindow(WINDOW);
        }
    }

    /** Adds {@code nanos} to {@code phase} for the frame in flight. Worker thread only. */
    public void add(Phase phase, long nanos) {
        inFrame[phase.ordinal()] += nanos;
        seen[phase.ordinal()] = true;
    }

    /** Starts a frame: forgets what the previous one added. */
    void beginFrame() {
        for (int i = 0; i < inFrame.length; i++) {
            inFrame[i] = 0;
            seen[i] = false;
        }
    }

    /**
     * Ends a frame that took {@code chainNanos} in the stage chain and {@code captureNanos} in the camera: records the
     * capture, each model phase the stages added, and the chain's remainder as {@link Phase#RULES}.
     */
    void endFrame(long chainNanos, long captureNanos) {
        if (captureNanos > 0) {
            record(Phase.CAPTURE, captureNanos);
        }
        long model = 0;
        for (Phase p : MODEL_PHASES) {
            if (seen[p.ordinal()]) {
                model += inFrame[p.ordinal()];
                record(p, inFrame[p.ordinal()]);
            }
        }
        record(Phase.RULES, Math.max(0, chainNanos - model));
    }

    /** Records one value of {@code phase} directly (outside a frame, e.g. {@link Phase#PUBLISH} per result). */
    void record(Phase phase, long nanos) {
        windows[phase.ordinal()].record(nanos / 1e6);
    }

    /** The recent percentiles of every phase, in {@link Phase} order. */
    public List<PhaseLatency> snapshot() {
        List<PhaseLatency> out = new ArrayList<>(PHASES.length);
        for (Phase p : PHASES) {
            LatencyWindow w = windows[p.ordinal()];
            out.add(new PhaseLatency(p, w.count(), w.percentile(50), w.percentile(99)));
        }
        return out;
    }
}
