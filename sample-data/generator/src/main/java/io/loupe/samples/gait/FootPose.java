package io.loupe.samples.gait;

/**
 * Where a foot is: its heel, the direction it points and its pitch (positive: toe up).
 *
 * @param heel    heel point
 * @param heading radians
 * @param pitch   radians, positive with the toe up
 */
record FootPose(Vec3 heel, double heading, double pitch) {

    /** @return the foot's long axis, pitched */
    Vec3 along() {
        return Vec3.heading(heading).times(Math.cos(pitch)).plus(Vec3.UP, Math.sin(pitch));
    }

    /** @return the foot's up axis, pitched */
    Vec3 upward() {
        return Vec3.heading(heading).times(-Math.sin(pitch)).plus(Vec3.UP, Math.cos(pitch));
    }

    Vec3 toe(BodyModel body) {
        return heel.plus(along(), body.footLength());
    }

    Vec3 ankle(BodyModel body) {
        return heel.plus(along(), body.ankleForward()).plus(upward(), body.ankleHeight());
    }
}
