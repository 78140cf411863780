package io.loupe.samples.gait;

import java.util.SplittableRandom;

/**
 * Where a walk happens and where the camera stands, so that the walker stays whole in the 640x480 frame.
 *
 * <ul>
 *   <li><b>Side</b>: the walkway runs along x through the origin, as long as the walk needs (a walk longer than
 *       {@value #SIDE_MAX} m goes back and forth in legs with a turn between them, see {@link #walkwayLength}); the
 *       camera looks across it from as far as it must to
 *       see the walkway plus 0.65 m each side in 88 % of the width (at least {@value #SIDE_MIN_DISTANCE} m), 0.85–1.15 m
 *       high; the back wall 1.6–2.8 m behind the walkway.</li>
 *   <li><b>Frontal</b>: the camera at the origin looks along +y, 0.95–1.15 m high, tilted 3–5° down; the walkway runs
 *       along y from {@value #FRONTAL_NEAR} m, at most {@value #FRONTAL_MAX} m long, so that the walk turns at the
 *       far end near the middle of its walking time and comes back (a long, fast walk turns again at the near end).</li>
 * </ul>
 *
 * @param walkway the walkway
 * @param camera  the camera
 * @param room    the room
 */
public record WalkLayout(Walkway walkway, Camera camera, Room room) {

    public static final int WIDTH = 640;
    public static final int HEIGHT = 480;
    static final double SIDE_MAX = 5.5;
    static final double SIDE_MIN_DISTANCE = 3.4;
    static final double LEG_SLACK = 0.6;
    static final double FRONTAL_NEAR = 3.4;
    static final double FRONTAL_MAX = 6.5;

    /**
     * The walkway length: room for the whole walk plus two steps of lead and some slack when that is at most
     * {@code max} m and no turn is wanted; otherwise the fewest legs of at most {@code max} m (at least
     * {@code minTurns} turns between them), each {@value #LEG_SLACK} m longer than its share of the walking time
     * covers, so that the last leg does not reach the walkway's end before the video ends.
     */
    static double walkwayLength(GaitParams p, double moving, double max, int minTurns) {
        double whole = Math.max(0.6, p.speed() * moving * 1.05 + 2 * p.stepLengthMetres() + 0.3);
        if (minTurns == 0 && whole <= max) {
            return whole;
        }
        for (int turns = Math.max(1, minTurns); turns <= 6; turns++) {
            double straight = moving - turns * p.turnDuration();
            if (straight <= 0) {
                break;
            }
            double leg = p.speed() * straight / (turns + 1) + LEG_SLACK;
            if (leg <= max) {
                return Math.max(0.3, leg);
            }
        }
        return Math.min(whole, max);
    }

    /**
     * Side view: metres per pixel on the walkway's centre line at floor level, what a clinic measures from two marks a
     * known distance apart on its walkway; 0 in a frontal view, where the distance changes along the walk.
     */
    public double walkwayMetresPerPixel() {
        return room.view() == View.SIDE ? 1 / camera.pixelsPerMetre(camera.toCamera(walkway.start()).z()) : 0;
    }

    /** @return the layout of {@code walk}, drawn from {@code rng} */
    public static WalkLayout of(WalkPlan walk, SplittableRandom rng) {
        GaitParams p = walk.params();
        double moving = Math.max(0.5, walk.seconds() - p.freezeSeconds());
        if (walk.view() == View.SIDE) {
            double length = walkwayLength(p, moving, SIDE_MAX, 0);
            double focal = rng.nextDouble(480, 560);
            double span = length + 1.3;
            double distance = Math.max(SIDE_MIN_DISTANCE, focal * span / (0.88 * WIDTH));
            boolean rightwards = p.direction() == Direction.LEFT_TO_RIGHT;
            Walkway walkway = new Walkway(new Vec3(rightwards ? -length / 2 : length / 2, 0, 0),
                    new Vec3(rightwards ? 1 : -1, 0, 0), length);
            Camera camera = new Camera(new Vec3(rng.nextDouble(-0.2, 0.2), -distance, rng.nextDouble(0.85, 1.15)),
                    Math.PI / 2, rng.nextDouble(-0.04, 0), focal, WIDTH, HEIGHT);
            double back = rng.nextDouble(1.6, 2.8);
            double half = (distance + back) * 0.7 + 3;
            return new WalkLayout(walkway, camera, new Room(-half, half, -distance + 0.4, back,
                    rng.nextDouble(2.6, 2.9), View.SIDE));
        }
        // one turn at the far end, a little after the middle of the straight walking; more legs when that is too far
        double once = p.speed() * Math.max(0.3, moving - p.turnDuration()) * 0.55 + 0.15;
        double length = once <= FRONTAL_MAX ? Math.max(0.3, once) : walkwayLength(p, moving, FRONTAL_MAX, 2);
        double x = rng.nextDouble(-0.25, 0.25);
        boolean away = p.direction() == Direction.AWAY_THEN_TOWARDS;
        Walkway walkway = new Walkway(new Vec3(x, away ? FRONTAL_NEAR : FRONTAL_NEAR + length, 0),
                new Vec3(0, away ? 1 : -1, 0), length);
        Camera camera = new Camera(new Vec3(0, 0, rng.nextDouble(0.95, 1.15)), Math.PI / 2,
                -Math.toRadians(rng.nextDouble(3, 5)), rng.nextDouble(460, 540), WIDTH, HEIGHT);
        return new WalkLayout(walkway, camera, new Room(-rng.nextDouble(1.6, 2.3), rng.nextDouble(1.6, 2.3), 0.3,
                FRONTAL_NEAR + length + rng.nextDouble(1.8, 3.0), rng.nextDouble(2.6, 2.9), View.FRONTAL));
    }
}
