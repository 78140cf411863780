package io.loupe.appliance.evaluate;

/**
 * The gait parameters of every reported bout against their walks' truth. Means are over the bouts where both the
 * pipeline and the truth have the value; the shares count a bout whose value the pipeline could not measure, and a walk
 * where it reported no bout, as a miss.
 *
 * @param bouts                  bouts reported over the set
 * @param cadenceMeasured        bouts with a measured cadence (and a true one)
 * @param cadenceMeanError       mean relative cadence error
 * @param cadenceWorstError      the largest relative cadence error
 * @param cadenceWithin5         true cadences measured within 5 %
 * @param stepLengthMeasured     bouts with a measured step length (and a true one)
 * @param stepLengthMeanError    mean relative step-length error
 * @param stepLengthWithin10     true step lengths measured within 10 %
 * @param armSwingMeasured       arm-swing values measured (two per bout at most)
 * @param armSwingMeanErrorDeg   mean absolute arm-swing error, degrees
 * @param trunkFlexionMeasured   bouts with a measured trunk flexion
 * @param trunkFlexionMeanErrorDeg mean absolute trunk-flexion error, degrees
 * @param walksWithFreezing      walks whose truth has a freezing episode
 * @param walksWithFreezingFound of those, walks where the pipeline found one that overlaps it
 * @param trueFreezes            freezing episodes in the truth
 * @param freezesFound           of those, episodes a reported one overlaps
 * @param falseFreezes           reported episodes overlapping none
 */
public record GaitParameterSummary(int bouts, int cadenceMeasured, double cadenceMeanError, double cadenceWorstError,
                                   WithinShare cadenceWithin5, int stepLengthMeasured, double stepLengthMeanError,
                                   WithinShare stepLengthWithin10, int armSwingMeasured, double armSwingMeanErrorDeg,
                                   int trunkFlexionMeasured, double trunkFlexionMeanErrorDeg, int walksWithFreezing,
                                   int walksWithFreezingFound, int trueFreezes, int freezesFound, int falseFreezes) {
}
