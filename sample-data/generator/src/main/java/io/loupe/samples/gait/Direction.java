package io.loupe.samples.gait;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which way a walk starts, as the camera sees it. */
public enum Direction {
    LEFT_TO_RIGHT("left_to_right", View.SIDE),
    RIGHT_TO_LEFT("right_to_left", View.SIDE),
    AWAY_THEN_TOWARDS("away_then_towards", View.FRONTAL),
    TOWARDS_THEN_AWAY("towards_then_away", View.FRONTAL);

    private final String label;
    private final View view;

    Direction(String label, View view) {
        this.label = label;
        this.view = view;
    }

    @JsonValue
    public String label() {
        return label;
    }

    /** @return the view this direction belongs to */
    public View view() {
        return view;
    }
}
