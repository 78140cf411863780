package io.loupe.appliance.evaluate;

/**
 * One gait parameter of one bout against the truth of its walk.
 *
 * @param found what the pipeline measured; null when it could not (its reason is in the bout's {@code missing})
 * @param truth what the walk's ground truth says; null when the generator could not measure it either
 * @param error the error as its field documents it (relative or absolute); null when either value is null
 */
public record ParameterError(Double found, Double truth, Double error) {

    /** {@code |found - truth| / truth}. */
    static ParameterError relative(Double found, Double truth) {
        return new ParameterError(found, truth, found == null || truth == null || truth == 0 ? null
                : Math.abs(found - truth) / truth);
    }

    /** {@code |found - truth|}. */
    static ParameterError absolute(Double found, Double truth) {
        return new ParameterError(found, truth, found == null || truth == null ? null : Math.abs(found - truth));
    }
}
