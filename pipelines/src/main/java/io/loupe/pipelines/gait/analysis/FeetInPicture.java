package io.loupe.pipelines.gait.analysis;

/**
 * How the feet's motion in the picture (per sample, each foot's mean grey-level change since the previous frame, see
 * {@link KeypointSeries#footMotion}) is read, by the bout segmenter and by the freezing analysis alike. A walker keeps
 * a foot planted, so the less moving foot's change is the picture's noise; a foot steps where the more moving one's
 * change is more than twice that. The noise is taken as at least {@value #NOISE_FLOOR} grey levels: a codec that
 * leaves a still picture alone (skipped blocks) gives a planted foot exactly 0, and twice 0 would make any flicker a
 * step.
 */
public final class FeetInPicture {
    /** The feet's motion is used where both were measured in this share of the samples concerned. */
    public static final double MIN_COVERAGE = 0.8;
    /** The least noise assumed in the picture, grey levels (0-255). */
    public static final double NOISE_FLOOR = 0.25;

    private FeetInPicture() {
    }

    /**
     * Whether a foot steps.
     *
     * @param moving  the more moving foot's change (or its mean over a window)
     * @param planted the less moving foot's (or its mean, or a bout's resting level)
     */
    public static boolean stepping(double moving, double planted) {
        return moving > 2 * Math.max(NOISE_FLOOR, planted);
    }
}
