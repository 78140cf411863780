package io.loupe.samples.defect.truth;

import com.fasterxml.jackson.annotation.JsonValue;

/** How a part is shaded: brushed metal with a specular band, or smooth coloured plastic with a soft highlight. */
public enum Material {
    METAL("metal"),
    PLASTIC("plastic");

    private final String label;

    Material(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
