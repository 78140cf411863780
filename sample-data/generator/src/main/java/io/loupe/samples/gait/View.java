package io.loupe.samples.gait;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where the camera stands relative to the walk. */
public enum View {
    /** Sagittal: the camera looks across the walkway; the person walks left to right or right to left. */
    SIDE("side"),
    /** The camera looks along the walkway; the person walks away from it and towards it, scaling with depth. */
    FRONTAL("frontal");

    private final String label;

    View(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
