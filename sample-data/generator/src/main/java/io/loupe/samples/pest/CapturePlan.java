package io.loupe.samples.pest;

import java.util.List;

/**
 * Everything one capture shows, as planned.
 *
 * @param capture     number in the series, from 1
 * @param trapPeriod  which card, from 1
 * @param trapChanged whether the card was replaced since the previous capture
 * @param cardSeed    seed of the card's look (same for every capture of a trap period)
 * @param insects     insects on the card, by id, with this capture's jitter applied to their positions
 * @param arrivals    ids of the insects new in this capture
 * @param debris      debris on the card, in the order it arrived
 * @param lighting    this capture's light
 */
public record CapturePlan(int capture, int trapPeriod, boolean trapChanged, long cardSeed, List<InsectPlan> insects,
                          List<Integer> arrivals, List<DebrisPlan> debris, LightingPlan lighting) {

    public CapturePlan {
        insects = List.copyOf(insects);
        arrivals = List.copyOf(arrivals);
        debris = List.copyOf(debris);
    }
}
