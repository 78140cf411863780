package io.loupe.pipelines.gait.analysis;

/** Which foot (or arm) a gait event belongs to. */
public enum Foot {
    LEFT, RIGHT;

    /** The ankle joint of this side. */
    int ankle() {
        return this == LEFT ? Joints.LEFT_ANKLE : Joints.RIGHT_ANKLE;
    }

    /** The heel joint of this side. */
    int heel() {
        return this == LEFT ? Joints.LEFT_HEEL : Joints.RIGHT_HEEL;
    }
}
