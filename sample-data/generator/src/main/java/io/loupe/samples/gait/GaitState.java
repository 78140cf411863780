package io.loupe.samples.gait;

import com.fasterxml.jackson.annotation.JsonValue;

/** What the walker is doing at a moment. */
public enum GaitState {
    WALKING("walking"),
    TURNING("turning"),
    FREEZING("freezing"),
    STANDING("standing");

    private final String label;

    GaitState(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
