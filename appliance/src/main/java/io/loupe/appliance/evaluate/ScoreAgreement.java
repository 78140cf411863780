package io.loupe.appliance.evaluate;

import java.util.List;

/**
 * The walks' gait scores against the intended ones. A walk without a scored bout disagrees.
 *
 * @param walks          walks in the set
 * @param exact          walks scored exactly as intended
 * @param withinOne      walks scored within ±1
 * @param exactShare     exact / walks
 * @param withinOneShare withinOne / walks
 * @param unscored       the numbers of the walks that got no scored bout
 */
public record ScoreAgreement(int walks, int exact, int withinOne, double exactShare, double withinOneShare,
                             List<Integer> unscored) {

    public ScoreAgreement {
        unscored = List.copyOf(unscored);
    }
}
