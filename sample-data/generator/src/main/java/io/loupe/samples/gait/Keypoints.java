package io.loupe.samples.gait;

import java.util.ArrayList;
import java.util.List;

/**
 * The COCO-17 keypoints of a pose as the camera sees them: pixel position and visibility (COCO: 0 outside the
 * image, 1 inside but hidden, 2 visible). Hidden is decided by rule, not by ray casting: when the body is turned more
 * than about 63° from the camera (|left axis · direction to camera| above {@value #SIDE_ON}), the far side's eye,
 * ear, shoulder, elbow, wrist, hip, knee and ankle are hidden; with the back to the camera (facing · direction to
 * camera below {@value #BACK_ON}) the nose and eyes are hidden.
 */
public final class Keypoints {

    /** Side-on threshold on |left · to camera|. */
    public static final double SIDE_ON = 0.45;
    /** Back-on threshold on facing · to camera. */
    public static final double BACK_ON = -0.35;

    private Keypoints() {
    }

    /** @return the COCO keypoint names, in order */
    public static List<String> names() {
        List<String> names = new ArrayList<>(BodyPoint.COCO);
        for (int i = 0; i < BodyPoint.COCO; i++) {
            names.add(BodyPoint.values()[i].label());
        }
        return names;
    }

    /** @return for each COCO keypoint the index of its mirror image (left and right swapped) */
    public static List<Integer> flipIndex() {
        List<Integer> flip = new ArrayList<>(BodyPoint.COCO);
        for (int i = 0; i < BodyPoint.COCO; i++) {
            flip.add(BodyPoint.values()[i].mirror().ordinal());
        }
        return flip;
    }

    /**
     * @return {@code 3 * 17} numbers: x, y (pixels, 0 when outside) and visibility per keypoint
     */
    public static double[] of(Pose pose, Camera camera) {
        Vec3 head = pose.at(BodyPoint.HEAD);
        Vec3 toCamera = camera.position().minus(head).flat().unit();
        double sideOn = pose.left().dot(toCamera);
        double facing = pose.forward().dot(toCamera);
        Side hiddenSide = sideOn > SIDE_ON ? Side.RIGHT : sideOn < -SIDE_ON ? Side.LEFT : null;
        double[] out = new double[3 * BodyPoint.COCO];
        for (int i = 0; i < BodyPoint.COCO; i++) {
            BodyPoint point = BodyPoint.values()[i];
            double[] px = camera.project(pose.at(point));
            boolean inside = px[2] > Camera.NEAR && px[0] >= 0 && px[0] < camera.width() && px[1] >= 0
                    && px[1] < camera.height();
            if (!inside) {
                continue;
            }
            boolean hidden = point.side() != null && point.side() == hiddenSide && point != BodyPoint.NOSE;
            if (facing < BACK_ON && (point == BodyPoint.NOSE || point == BodyPoint.LEFT_EYE
                    || point == BodyPoint.RIGHT_EYE)) {
                hidden = true;
            }
            out[3 * i] = px[0];
            out[3 * i + 1] = px[1];
            out[3 * i + 2] = hidden ? 1 : 2;
        }
        return out;
    }
}
