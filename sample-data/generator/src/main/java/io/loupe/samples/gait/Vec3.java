package io.loupe.samples.gait;

/**
 * A point or direction in the room, metres: {@code x} and {@code y} on the floor, {@code z} up.
 *
 * @param x east
 * @param y north
 * @param z up
 */
public record Vec3(double x, double y, double z) {

    /** The origin. */
    public static final Vec3 ZERO = new Vec3(0, 0, 0);
    /** Straight up. */
    public static final Vec3 UP = new Vec3(0, 0, 1);

    /** @return the horizontal unit vector at {@code heading} radians from +x towards +y */
    public static Vec3 heading(double heading) {
        return new Vec3(Math.cos(heading), Math.sin(heading), 0);
    }

    public Vec3 plus(Vec3 o) {
        return new Vec3(x + o.x, y + o.y, z + o.z);
    }

    public Vec3 minus(Vec3 o) {
        return new Vec3(x - o.x, y - o.y, z - o.z);
    }

    public Vec3 times(double s) {
        return new Vec3(x * s, y * s, z * s);
    }

    /** @return this + {@code o} * {@code s} */
    public Vec3 plus(Vec3 o, double s) {
        return new Vec3(x + o.x * s, y + o.y * s, z + o.z * s);
    }

    public double dot(Vec3 o) {
        return x * o.x + y * o.y + z * o.z;
    }

    public Vec3 cross(Vec3 o) {
        return new Vec3(y * o.z - z * o.y, z * o.x - x * o.z, x * o.y - y * o.x);
    }

    public double norm() {
        return Math.sqrt(dot(this));
    }

    /** @return this scaled to length 1; the zero vector stays zero */
    public Vec3 unit() {
        double n = norm();
        return n < 1e-12 ? ZERO : times(1 / n);
    }

    /** @return the same point on the floor */
    public Vec3 flat() {
        return new Vec3(x, y, 0);
    }

    /** @return the point {@code t} of the way from this to {@code o} */
    public Vec3 lerp(Vec3 o, double t) {
        return new Vec3(x + (o.x - x) * t, y + (o.y - y) * t, z + (o.z - z) * t);
    }
}
