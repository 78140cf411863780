package io.loupe.samples.gait;

/**
 * The points of the body the model places. The first 17 are the COCO keypoints in COCO order (so {@link #ordinal()}
 * is the COCO index); the rest are used for drawing.
 */
public enum BodyPoint {
    NOSE("nose", null),
    LEFT_EYE("left_eye", Side.LEFT),
    RIGHT_EYE("right_eye", Side.RIGHT),
    LEFT_EAR("left_ear", Side.LEFT),
    RIGHT_EAR("right_ear", Side.RIGHT),
    LEFT_SHOULDER("left_shoulder", Side.LEFT),
    RIGHT_SHOULDER("right_shoulder", Side.RIGHT),
    LEFT_ELBOW("left_elbow", Side.LEFT),
    RIGHT_ELBOW("right_elbow", Side.RIGHT),
    LEFT_WRIST("left_wrist", Side.LEFT),
    RIGHT_WRIST("right_wrist", Side.RIGHT),
    LEFT_HIP("left_hip", Side.LEFT),
    RIGHT_HIP("right_hip", Side.RIGHT),
    LEFT_KNEE("left_knee", Side.LEFT),
    RIGHT_KNEE("right_knee", Side.RIGHT),
    LEFT_ANKLE("left_ankle", Side.LEFT),
    RIGHT_ANKLE("right_ankle", Side.RIGHT),
    NECK("neck", null),
    PELVIS("pelvis", null),
    HEAD("head", null),
    LEFT_HAND("left_hand", Side.LEFT),
    RIGHT_HAND("right_hand", Side.RIGHT),
    LEFT_HEEL("left_heel", Side.LEFT),
    RIGHT_HEEL("right_heel", Side.RIGHT),
    LEFT_TOE("left_toe", Side.LEFT),
    RIGHT_TOE("right_toe", Side.RIGHT);

    /** Number of COCO keypoints: the first constants. */
    public static final int COCO = 17;

    private final String label;
    private final Side side;

    BodyPoint(String label, Side side) {
        this.label = label;
        this.side = side;
    }

    public String label() {
        return label;
    }

    /** @return the body side, or null for a point on the midline */
    public Side side() {
        return side;
    }

    /** @return the matching point of the other side (itself on the midline): the keypoint flip index */
    public BodyPoint mirror() {
        if (side == null) {
            return this;
        }
        return valueOf((side == Side.LEFT ? "RIGHT" : "LEFT") + name().substring(name().indexOf('_')));
    }

    /** @return {@code LEFT_x} or {@code RIGHT_x} for the given side of a paired point name */
    public static BodyPoint of(Side side, String part) {
        return valueOf(side.name() + "_" + part);
    }
}
