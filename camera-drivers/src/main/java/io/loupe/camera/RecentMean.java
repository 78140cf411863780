package io.loupe.camera;

/** Mean of the last {@value #SIZE} samples, without allocating. One writer; readers see a recent value. */
final class RecentMean {

    static final int SIZE = 32;

    private final long[] samples = new long[SIZE];
    private int next;
    private int count;
    private long sum;
    private volatile double mean;

    void add(long sample) {
        if (count == SIZE) {
            sum -= samples[next];
        } else {
            count++;
        }
        samples[next] = sample;
        sum += sample;
        next = (next + 1) % SIZE;
        mean = (double) sum / count;
    }

    /** The mean of the recent samples, 0 before the first. */
    double mean() {
        return mean;
    }
}
