package io.loupe.samples.defect.truth;

import com.fasterxml.jackson.annotation.JsonValue;

/** The outline of a part. Both are convex, so a part's border is never a dark notch. */
public enum PartShape {
    ROUNDED_RECT("rounded-rect"),
    DISC("disc");

    private final String label;

    PartShape(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
