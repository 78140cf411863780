package io.loupe.samples.defect.truth;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kinds of defect the scene draws; {@link #ordinal()} is the YOLO class id. */
public enum DefectClass {
    /** A dark spot or dent, 5–20 px across. */
    SPOT("spot"),
    /** A thin dark line, 20–60 px long. */
    SCRATCH("scratch"),
    /** A jagged dark polyline. */
    CRACK("crack"),
    /** A patch where the coating or print is missing and the darker substrate shows. */
    MISSING("missing");

    private final String label;

    DefectClass(String label) {
        this.label = label;
    }

    /** @return the name used in JSON and YOLO files */
    @JsonValue
    public String label() {
        return label;
    }
}
