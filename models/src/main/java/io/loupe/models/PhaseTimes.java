package io.loupe.models;

/**
 * Where a predictor's last call spent its time: pre-processing (letterbox and blob), inference (the session run, or
 * for a batched predictor the wait for its batch) and decoding (decoder, mapping back to the image, NMS). Written by
 * the predictor's own thread at the end of each call and read by the same thread after it, so that a pipeline can
 * attribute its latency; three {@code long} stores per call, nothing allocated. Not thread-safe, like the predictor.
 */
public final class PhaseTimes {

    /** The times of a predictor that does not measure its phases: all zero. */
    public static final PhaseTimes UNMEASURED = new PhaseTimes();

    private long preprocessNanos;
    private long inferenceNanos;
    private long decodeNanos;

    /** Nanoseconds of pre-processing in the last call. */
    public long preprocessNanos() {
        return preprocessNanos;
    }

    /** Nanoseconds of inference in the last call (for a batched predictor: the wait for the batch). */
    public long inferenceNanos() {
        return inferenceNanos;
    }

    /** Nanoseconds of decoding and NMS in the last call. */
    public long decodeNanos() {
        return decodeNanos;
    }

    /** Records one call from four {@link System#nanoTime()} stamps: start, pre-processed, inferred, decoded. */
    void record(long start, long preprocessed, long inferred, long decoded) {
        set(preprocessed - start, inferred - preprocessed, decoded - inferred);
    }

    /** Records one call from its phase totals (a tiled call sums its batches). */
    void set(long preprocess, long inference, long decode) {
        preprocessNanos = preprocess;
        inferenceNanos = inference;
        decodeNanos = decode;
    }
}
