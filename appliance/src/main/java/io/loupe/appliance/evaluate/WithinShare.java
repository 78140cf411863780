package io.loupe.appliance.evaluate;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * How many of the walks' true values a measurement got within its tolerance: every bout with a true value counts, and
 * so does a walk with a true value where the pipeline reported no bout at all (a miss).
 *
 * @param within measured and within the tolerance
 * @param of     true values to measure
 */
public record WithinShare(int within, int of) {

    /** {@code within / of}; NaN when there was nothing to measure. */
    @JsonProperty("share")
    public double share() {
        return of == 0 ? Double.NaN : within / (double) of;
    }
}
