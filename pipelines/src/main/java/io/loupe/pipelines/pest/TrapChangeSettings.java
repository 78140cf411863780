package io.loupe.pipelines.pest;

/**
 * When a capture means the card was replaced: its count dropped to at most {@code below} of the previous capture's,
 * which had at least {@code minCount} insects. The trap period then starts again from that capture.
 *
 * @param below    fraction of the previous count, in (0, 1) (default 0.2)
 * @param minCount the previous count must be at least this (default 10), so a nearly empty card is not "changed" by
 *                 one missed insect
 */
public record TrapChangeSettings(double below, int minCount) {

    public TrapChangeSettings {
        below = below == 0 ? 0.2 : below;
        minCount = minCount == 0 ? 10 : minCount;
        if (!(below > 0 && below < 1)) {
            throw new IllegalArgumentException("trapChange.below is " + below + "; use a fraction in (0, 1), e.g."
                    + " 0.2 (a count that drops to a fifth)");
        }
        if (minCount < 1) {
            throw new IllegalArgumentException("trapChange.minCount is " + minCount + "; use at least 1, e.g. 10");
        }
    }

    public static TrapChangeSettings defaults() {
        return new TrapChangeSettings(0.2, 10);
    }
}
