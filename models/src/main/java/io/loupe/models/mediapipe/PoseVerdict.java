package io.loupe.models.mediapipe;

/** What a top-down pose estimate says about the person in the crop. */
public enum PoseVerdict {
    /** Head, shoulders, hips, knees and ankles are all present and inside the frame: fit for gait analysis. */
    FULL_BODY,
    /** A person, but parts of the body are missing or outside the frame (e.g. legs only): report, do not score. */
    PARTIAL_BODY,
    /** No person found (no detection, or the landmark model's pose flag is below its threshold). */
    NO_PERSON
}
