package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.View;

/** {@code settings.view}: the camera's view of the walkway, or {@code auto} to decide it per bout from the keypoints. */
public enum ViewSetting {
    AUTO, SIDE, FRONTAL;

    /** The analysis view, or null for automatic. */
    public View view() {
        return switch (this) {
            case AUTO -> null;
            case SIDE -> View.SIDE;
            case FRONTAL -> View.FRONTAL;
        };
    }
}
