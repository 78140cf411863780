package io.loupe.models;

/**
 * What a {@link BatchingRunner} has done since it started.
 *
 * @param batches session runs
 * @param frames frames run
 * @param largestBatch the most frames in one run
 * @param failed frames answered with an error
 */
public record BatchStats(long batches, long frames, int largestBatch, long failed) {

    /** Frames per run on average; 0 before the first run. */
    public double meanBatch() {
        return batches == 0 ? 0 : (double) frames / batches;
    }
}
