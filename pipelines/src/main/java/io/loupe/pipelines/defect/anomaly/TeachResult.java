package io.loupe.pipelines.defect.anomaly;

import java.util.List;

/**
 * What a teach run found.
 *
 * @param scorer    the scorer's name
 * @param goodCount good images used
 * @param folds     held-out folds the good scores came from (0: the scorer learns nothing and scored every image as
 *                  it is)
 * @param scores    each good image's score, in input order (held out from what was learnt when {@code folds > 0})
 * @param min       lowest good score
 * @param mean      mean good score
 * @param std       population standard deviation of the good scores
 * @param max       highest good score
 * @param rule      the threshold rule
 * @param threshold the threshold it gives
 * @param flagged   good images the scorer itself calls anomalous (score at or above its own threshold: an anomalib
 *                  export's); 0 when it has none. Many mean the images are not what the model was made for (a whole
 *                  frame for a model of one part's crop): the taught threshold would then pass real defects
 */
public record TeachResult(String scorer, int goodCount, int folds, List<Double> scores, double min, double mean,
                          double std, double max, TeachRule rule, double threshold, int flagged) {

    public TeachResult {
        scores = List.copyOf(scores);
    }
}
