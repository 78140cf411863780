package io.loupe.samples.gait;

/**
 * A pinhole camera in the room: where it stands, where it looks (yaw on the floor, pitch up from horizontal) and its
 * focal length in pixels; no roll, no lens distortion.
 *
 * <p>Immutable.
 */
public final class Camera {

    /** Nearest depth drawn, metres: geometry closer than this is clipped. */
    public static final double NEAR = 0.15;

    private final Vec3 position;
    private final Vec3 forward;
    private final Vec3 right;
    private final Vec3 up;
    private final double focal;
    private final int width;
    private final int height;

    /**
     * @param yaw   direction it looks, radians from +x towards +y
     * @param pitch radians, negative looking down
     * @param focal focal length, pixels
     */
    public Camera(Vec3 position, double yaw, double pitch, double focal, int width, int height) {
        this.position = position;
        this.forward = new Vec3(Math.cos(yaw) * Math.cos(pitch), Math.sin(yaw) * Math.cos(pitch), Math.sin(pitch));
        this.right = new Vec3(Math.sin(yaw), -Math.cos(yaw), 0);
        this.up = right.cross(forward);
        this.focal = focal;
        this.width = width;
        this.height = height;
    }

    public Vec3 position() {
        return position;
    }

    /** @return the camera's right axis in the room (horizontal) */
    public Vec3 right() {
        return right;
    }

    public double focal() {
        return focal;
    }

    public int width() {
        return width;
    }

    public int height() {
        return height;
    }

    /** @return {@code p} in camera coordinates: x right, y up, z depth along the view */
    public Vec3 toCamera(Vec3 p) {
        Vec3 d = p.minus(position);
        return new Vec3(d.dot(right), d.dot(up), d.dot(forward));
    }

    /** @return pixel column, row and depth of a point in camera coordinates (depth must be positive) */
    public double[] projectCamera(Vec3 c) {
        return new double[] {width / 2.0 + focal * c.x() / c.z(), height / 2.0 - focal * c.y() / c.z(), c.z()};
    }

    /** @return pixel column, row and depth (metres along the view) of {@code p} */
    public double[] project(Vec3 p) {
        return projectCamera(toCamera(p));
    }

    /** @return how many pixels one metre spans at depth {@code depth} */
    public double pixelsPerMetre(double depth) {
        return focal / depth;
    }
}
