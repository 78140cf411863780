package io.loupe.samples.gait;

/**
 * Segment lengths and widths of a body of a given height, from Winter's anthropometric proportions (Biomechanics and
 * Motor Control of Human Movement): hip joint at 0.53 H ... knee 0.285 H, ankle 0.039 H, shoulder 0.818 H, upper arm
 * 0.186 H, forearm 0.146 H, foot 0.152 H; widths for drawing scaled from a 1.70 m adult.
 *
 * @param height body height, metres
 */
public record BodyModel(double height) {

    public BodyModel {
        if (height < 1.2 || height > 2.2) {
            throw new IllegalArgumentException("body height must be 1.2..2.2 m, got " + height);
        }
    }

    private double s() {
        return height / 1.7;
    }

    public double thigh() {
        return (0.53 - 0.285) * height;
    }

    public double shin() {
        return (0.285 - 0.039) * height;
    }

    /** @return hip joint to ankle joint, leg straight */
    public double leg() {
        return thigh() + shin();
    }

    /** @return ankle joint above the sole */
    public double ankleHeight() {
        return 0.039 * height;
    }

    public double footLength() {
        return 0.152 * height;
    }

    /** @return how far the ankle is in front of the heel */
    public double ankleForward() {
        return 0.25 * footLength();
    }

    /** @return half the distance between the hip joints */
    public double hipHalfWidth() {
        return 0.058 * height;
    }

    /** @return half the distance between the shoulder joints */
    public double shoulderHalfWidth() {
        return 0.112 * height;
    }

    /** @return hip joint centre to the base of the neck (between the shoulders) */
    public double trunk() {
        return (0.818 - 0.53) * height;
    }

    /** @return base of the neck to the centre of the head */
    public double neck() {
        return 0.108 * height;
    }

    public double headRadius() {
        return 0.062 * height;
    }

    public double upperArm() {
        return 0.186 * height;
    }

    public double forearm() {
        return 0.146 * height;
    }

    public double hand() {
        return 0.108 * height;
    }

    /** @return half the distance between the feet's lines of progression */
    public double stepHalfWidth() {
        return 0.05 * height;
    }

    /** @return drawing radius of a body part at its thick end, metres */
    public double radius(Part part) {
        return part.thick * s();
    }

    /** @return drawing radius of a body part at its thin end, metres */
    public double thinRadius(Part part) {
        return part.thin * s();
    }

    /** Body parts that are drawn as tapered capsules, with their radii for a 1.70 m body. */
    public enum Part {
        THIGH(0.078, 0.056),
        SHIN(0.054, 0.036),
        UPPER_ARM(0.046, 0.038),
        FOREARM(0.037, 0.028),
        NECK(0.05, 0.045),
        PELVIS(0.088, 0.088),
        HAND(0.04, 0.03);

        private final double thick;
        private final double thin;

        Part(double thick, double thin) {
            this.thick = thick;
            this.thin = thin;
        }
    }
}
