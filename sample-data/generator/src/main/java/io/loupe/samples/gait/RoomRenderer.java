package io.loupe.samples.gait;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC1;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_64F;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_CUBIC;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.loupe.samples.core.Colour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.RNG;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws the empty room of a walk once, through the walk's camera: floor with tile or plank lines converging in
 * perspective, walls with a skirting board and a handrail, a ceiling, a door, a window, pictures and a radiator on the
 * walls, and furniture along the walls (chairs, tables, cabinets, potted plants) as shaded boxes — distractors the
 * walker never touches. Surfaces are flat-coloured quads projected by the camera (clipped at its near plane), then
 * lit by a soft uneven light and given a fine texture.
 */
public final class RoomRenderer {

    private static final Colour[] WALLS = {new Colour(200, 225, 235), new Colour(190, 215, 200),
        new Colour(225, 212, 195), new Colour(214, 214, 212), new Colour(165, 195, 215), new Colour(205, 200, 220)};
    private static final Colour[] FLOORS = {new Colour(150, 152, 148), new Colour(70, 110, 150),
        new Colour(150, 125, 105), new Colour(165, 185, 195), new Colour(95, 120, 120), new Colour(110, 140, 170)};
    private static final Colour[] WOODS = {new Colour(55, 95, 140), new Colour(80, 120, 160), new Colour(40, 60, 90)};
    private static final Colour[] FABRICS = {new Colour(150, 80, 40), new Colour(50, 50, 160), new Colour(60, 120, 60),
        new Colour(90, 90, 95), new Colour(40, 140, 190)};

    private final Camera camera;
    private final Room room;
    private final SplittableRandom rng;
    private final List<Quad> structure = new ArrayList<>();
    private final List<Quad> decor = new ArrayList<>();
    private final List<Quad> furniture = new ArrayList<>();
    private final List<Vec3[]> floorLines = new ArrayList<>();
    private Colour floorLine;

    private RoomRenderer(Camera camera, Room room, SplittableRandom rng) {
        this.camera = camera;
        this.room = room;
        this.rng = rng;
    }

    /** A flat-coloured quad (or any convex planar polygon). */
    private record Quad(Vec3[] corners, Colour colour) {
        double depth(Camera camera) {
            double d = 0;
            for (Vec3 c : corners) {
                d += camera.toCamera(c).z();
            }
            return d / corners.length;
        }
    }

    /** @return the room as the camera sees it, 8-bit BGR of the camera's size; the caller closes it */
    public static Mat render(Camera camera, Room room, SplittableRandom rng) {
        return new RoomRenderer(camera, room, rng).draw();
    }

    private Mat draw() {
        Colour wall = pick(WALLS).vary(10, rng);
        Colour floor = pick(FLOORS).vary(10, rng);
        Colour wood = pick(WOODS).vary(8, rng);
        floorLine = floor.times(rng.nextDouble(0.7, 0.88));
        buildShell(wall, floor);
        buildFloorPattern();
        if (room.view() == View.SIDE) {
            wallItems(room.backY(), true, room.minX(), room.maxX(), wall, wood);
            furnitureAlong(room.backY(), true, room.minX(), room.maxX(), wood);
        } else {
            wallItems(room.backY(), true, room.minX() + 0.3, room.maxX() - 0.3, wall, wood);
            wallItems(room.minX(), false, room.nearY() + 1.5, room.backY() - 0.3, wall.times(0.92), wood);
            wallItems(room.maxX(), false, room.nearY() + 1.5, room.backY() - 0.3, wall.times(0.92), wood);
            furnitureAlong(room.minX(), false, room.nearY() + 2.0, room.backY() - 0.5, wood);
            furnitureAlong(room.maxX(), false, room.nearY() + 2.0, room.backY() - 0.5, wood);
            ceilingLights();
        }
        Mat image = new Mat(camera.height(), camera.width(), CV_8UC3, Scalar.all(0));
        Ink ink = new Ink(image, null, 0, 0);
        for (Quad q : structure) {
            fill(ink, q);
        }
        for (Vec3[] line : floorLines) {
            stroke(ink, line[0], line[1], floorLine);
        }
        for (Quad q : decor) {
            fill(ink, q);
        }
        furniture.sort(Comparator.comparingDouble((Quad q) -> q.depth(camera)).reversed());
        for (Quad q : furniture) {
            fill(ink, q);
        }
        light(image);
        return image;
    }

    private void buildShell(Colour wall, Colour floor) {
        double x0 = room.minX();
        double x1 = room.maxX();
        double y0 = room.nearY();
        double y1 = room.backY();
        double h = room.height();
        structure.add(quad(floor, new Vec3(x0, y0, 0), new Vec3(x1, y0, 0), new Vec3(x1, y1, 0), new Vec3(x0, y1, 0)));
        structure.add(quad(new Colour(232, 232, 230), new Vec3(x0, y0, h), new Vec3(x1, y0, h), new Vec3(x1, y1, h),
                new Vec3(x0, y1, h)));
        structure.add(quad(wall, new Vec3(x0, y1, 0), new Vec3(x1, y1, 0), new Vec3(x1, y1, h), new Vec3(x0, y1, h)));
        Colour skirting = rng.nextBoolean() ? wall.times(0.75) : pick(WOODS);
        structure.add(quad(skirting, new Vec3(x0, y1 - 0.01, 0), new Vec3(x1, y1 - 0.01, 0),
                new Vec3(x1, y1 - 0.01, 0.1), new Vec3(x0, y1 - 0.01, 0.1)));
        if (room.view() == View.FRONTAL) {
            for (double x : new double[] {x0, x1}) {
                double in = x < 0 ? 0.01 : -0.01;
                structure.add(quad(wall.times(0.9), new Vec3(x, y0, 0), new Vec3(x, y1, 0), new Vec3(x, y1, h),
                        new Vec3(x, y0, h)));
                structure.add(quad(skirting, new Vec3(x + in, y0, 0), new Vec3(x + in, y1, 0),
                        new Vec3(x + in, y1, 0.1), new Vec3(x + in, y0, 0.1)));
            }
        }
    }

    /** Tile grid, or planks along one direction with staggered joints. */
    private void buildFloorPattern() {
        double x0 = room.minX();
        double x1 = room.maxX();
        double y0 = room.nearY();
        double y1 = room.backY();
        if (rng.nextDouble() < 0.55) {
            double tile = rng.nextDouble(0.3, 0.6);
            for (double x = Math.ceil(x0 / tile) * tile; x < x1; x += tile) {
                floorLines.add(new Vec3[] {new Vec3(x, y0, 0.001), new Vec3(x, y1, 0.001)});
            }
            for (double y = Math.ceil(y0 / tile) * tile; y < y1; y += tile) {
                floorLines.add(new Vec3[] {new Vec3(x0, y, 0.001), new Vec3(x1, y, 0.001)});
            }
        } else {
            double plank = rng.nextDouble(0.12, 0.2);
            boolean alongX = room.view() == View.SIDE;
            double a0 = alongX ? y0 : x0;
            double a1 = alongX ? y1 : x1;
            double b0 = alongX ? x0 : y0;
            double b1 = alongX ? x1 : y1;
            for (double a = a0 + plank; a < a1; a += plank) {
                floorLines.add(alongX ? new Vec3[] {new Vec3(b0, a, 0.001), new Vec3(b1, a, 0.001)}
                        : new Vec3[] {new Vec3(a, b0, 0.001), new Vec3(a, b1, 0.001)});
                for (double b = b0 + rng.nextDouble(0.3, 1.2); b < b1; b += rng.nextDouble(0.8, 1.6)) {
                    floorLines.add(alongX ? new Vec3[] {new Vec3(b, a, 0.001), new Vec3(b, a + plank, 0.001)}
                            : new Vec3[] {new Vec3(a, b, 0.001), new Vec3(a + plank, b, 0.001)});
                }
            }
        }
    }

    /**
     * Door, window with radiator, pictures and a handrail on a wall: the back wall (y = {@code at}, items spread
     * along x) or a side wall (x = {@code at}, along y).
     */
    private void wallItems(double at, boolean back, double from, double to, Colour wall, Colour wood) {
        double inward = back ? -1 : (at < 0 ? 1 : -1);
        double rail = rng.nextDouble(0.85, 0.95);
        if (rng.nextDouble() < 0.8) {
            decor.add(wallRect(at, back, inward * 0.06, from, to, rail, rail + 0.05, wood.times(1.1)));
        }
        double pos = from + rng.nextDouble(0.2, 1.0);
        while (pos < to - 0.6) {
            double kind = rng.nextDouble();
            double width;
            if (kind < 0.3) {
                width = rng.nextDouble(0.85, 1.0);
                Colour door = rng.nextBoolean() ? wood : wall.mix(new Colour(240, 240, 240), 0.5);
                decor.add(wallRect(at, back, inward * 0.02, pos - 0.06, pos + width + 0.06, 0, 2.15, door.times(0.7)));
                decor.add(wallRect(at, back, inward * 0.03, pos, pos + width, 0, 2.08, door));
                decor.add(wallRect(at, back, inward * 0.04, pos + width - 0.15, pos + width - 0.05, 1.0, 1.04,
                        new Colour(170, 170, 175)));
            } else if (kind < 0.55) {
                width = rng.nextDouble(1.0, 1.6);
                decor.add(wallRect(at, back, inward * 0.02, pos - 0.05, pos + width + 0.05, 0.95, 2.05,
                        new Colour(235, 235, 235)));
                decor.add(wallRect(at, back, inward * 0.03, pos, pos + width, 1.0, 2.0,
                        new Colour(235, 215, 190).vary(15, rng)));
                decor.add(wallRect(at, back, inward * 0.035, pos + width / 2 - 0.02, pos + width / 2 + 0.02, 1.0,
                        2.0, new Colour(235, 235, 235)));
                decor.add(wallRect(at, back, inward * 0.05, pos + 0.1, pos + width - 0.1, 0.25, 0.7,
                        new Colour(228, 228, 228)));
            } else {
                width = rng.nextDouble(0.35, 0.8);
                double bottom = rng.nextDouble(1.3, 1.6);
                double height = rng.nextDouble(0.3, 0.6);
                decor.add(wallRect(at, back, inward * 0.02, pos, pos + width, bottom, bottom + height,
                        pick(WOODS).times(0.8)));
                decor.add(wallRect(at, back, inward * 0.025, pos + 0.04, pos + width - 0.04, bottom + 0.04,
                        bottom + height - 0.04, pick(FABRICS).mix(new Colour(220, 220, 220), rng.nextDouble(0.2, 0.6))));
            }
            pos += width + rng.nextDouble(0.5, 2.0);
        }
    }

    /** Chairs, a table, a cabinet or a plant standing against a wall. */
    private void furnitureAlong(double at, boolean back, double from, double to, Colour wood) {
        double pos = from + rng.nextDouble(0, 1.0);
        while (pos < to - 0.6) {
            double kind = rng.nextDouble();
            double width;
            double depth;
            double off = 0.05;
            if (kind < 0.4) {
                width = 0.46;
                depth = 0.46;
                Colour seat = pick(FABRICS).vary(10, rng);
                box(at, back, off, pos, pos + width, depth, 0.42, 0.48, seat);
                box(at, back, off, pos, pos + width, 0.06, 0.48, 0.92, seat.times(0.9));
                for (double lx : new double[] {pos + 0.02, pos + width - 0.06}) {
                    box(at, back, off + depth - 0.06, lx, lx + 0.04, 0.04, 0, 0.42, wood.times(0.6));
                }
            } else if (kind < 0.6) {
                width = rng.nextDouble(0.7, 1.2);
                depth = 0.5;
                box(at, back, off, pos, pos + width, depth, 0.7, 0.75, wood);
                for (double lx : new double[] {pos + 0.03, pos + width - 0.08}) {
                    box(at, back, off + depth - 0.08, lx, lx + 0.05, 0.05, 0, 0.7, wood.times(0.8));
                }
            } else if (kind < 0.8) {
                width = rng.nextDouble(0.5, 0.9);
                depth = 0.42;
                double height = rng.nextDouble(0.8, 1.9);
                Colour c = rng.nextBoolean() ? wood : new Colour(205, 205, 200).vary(10, rng);
                box(at, back, off, pos, pos + width, depth, 0, height, c);
                box(at, back, off + depth, pos + width / 2 - 0.01, pos + width / 2 + 0.01, 0.005, 0.05, height - 0.05,
                        c.times(0.6));
            } else {
                width = 0.34;
                depth = 0.34;
                box(at, back, off, pos, pos + width, depth, 0, 0.32, new Colour(60, 90, 160).vary(20, rng));
                Colour leaf = new Colour(50, 120, 60).vary(15, rng);
                double inward = back ? -1 : (at < 0 ? 1 : -1);
                for (int i = 0; i < 7; i++) {
                    double u = pos + width / 2 + rng.nextDouble(-0.18, 0.18);
                    double d = at + inward * (off + depth / 2 + rng.nextDouble(-0.1, 0.1));
                    Vec3 centre = back ? new Vec3(u, d, 0.4 + rng.nextDouble(0, 0.55))
                            : new Vec3(d, u, 0.4 + rng.nextDouble(0, 0.55));
                    furniture.add(disc(centre, rng.nextDouble(0.08, 0.15), leaf.times(0.75 + 0.07 * i)));
                }
            }
            pos += width + rng.nextDouble(0.3, 1.6);
        }
    }

    private void ceilingLights() {
        double h = room.height() - 0.01;
        for (double y = room.nearY() + 1.5; y < room.backY() - 0.5; y += rng.nextDouble(2.0, 3.0)) {
            decor.add(quad(new Colour(250, 252, 252), new Vec3(-0.3, y, h), new Vec3(0.3, y, h),
                    new Vec3(0.3, y + 0.6, h), new Vec3(-0.3, y + 0.6, h)));
        }
    }

    /** A rectangle on a wall, {@code off} metres in front of it; u along the wall, v up. */
    private Quad wallRect(double at, boolean back, double off, double u0, double u1, double v0, double v1, Colour c) {
        if (back) {
            double y = at + off;
            return quad(c, new Vec3(u0, y, v0), new Vec3(u1, y, v0), new Vec3(u1, y, v1), new Vec3(u0, y, v1));
        }
        double x = at + off;
        return quad(c, new Vec3(x, u0, v0), new Vec3(x, u1, v0), new Vec3(x, u1, v1), new Vec3(x, u0, v1));
    }

    /**
     * A box standing against a wall: {@code near}..{@code near + depth} metres out from the wall, {@code u0..u1}
     * along it, {@code z0..z1} up; its faces the camera can see, shaded by direction.
     */
    private void box(double at, boolean back, double near, double u0, double u1, double depth, double z0, double z1,
                     Colour c) {
        double inward = back ? -1 : (at < 0 ? 1 : -1);
        double d0 = at + inward * near;
        double d1 = at + inward * (near + depth);
        Vec3[] p = new Vec3[8];
        int i = 0;
        for (double d : new double[] {d0, d1}) {
            for (double u : new double[] {u0, u1}) {
                for (double z : new double[] {z0, z1}) {
                    p[i++] = back ? new Vec3(u, d, z) : new Vec3(d, u, z);
                }
            }
        }
        // index = 4 * depthIndex + 2 * alongIndex + zIndex
        int[][] faces = {{0, 2, 3, 1}, {4, 6, 7, 5}, {0, 4, 5, 1}, {2, 6, 7, 3}, {0, 2, 6, 4}, {1, 3, 7, 5}};
        double[] shade = {0.85, 0.95, 0.8, 0.8, 0.6, 1.1};
        Vec3 centre = p[0].lerp(p[7], 0.5);
        for (int f = 0; f < faces.length; f++) {
            Vec3[] corners = {p[faces[f][0]], p[faces[f][1]], p[faces[f][2]], p[faces[f][3]]};
            Vec3 mid = corners[0].lerp(corners[2], 0.5);
            Vec3 normal = mid.minus(centre);
            if (normal.dot(camera.position().minus(mid)) > 0) {
                furniture.add(new Quad(corners, c.times(shade[f])));
            }
        }
    }

    /** A disc facing the camera: a leaf cluster. */
    private Quad disc(Vec3 centre, double r, Colour c) {
        Vec3 right = camera.right();
        Vec3 up = Vec3.UP;
        int n = 12;
        Vec3[] corners = new Vec3[n];
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            corners[i] = centre.plus(right, r * Math.cos(a)).plus(up, r * 0.8 * Math.sin(a));
        }
        return new Quad(corners, c);
    }

    private static Quad quad(Colour c, Vec3... corners) {
        return new Quad(corners, c);
    }

    private void fill(Ink ink, Quad q) {
        List<double[]> clipped = clip(q.corners());
        if (clipped.size() >= 3) {
            ink.polygon(clipped.toArray(new double[0][]), q.colour(), false);
        }
    }

    private void stroke(Ink ink, Vec3 a, Vec3 b, Colour c) {
        Vec3 ca = camera.toCamera(a);
        Vec3 cb = camera.toCamera(b);
        if (ca.z() < Camera.NEAR && cb.z() < Camera.NEAR) {
            return;
        }
        if (ca.z() < Camera.NEAR) {
            ca = ca.lerp(cb, (Camera.NEAR - ca.z()) / (cb.z() - ca.z()));
        } else if (cb.z() < Camera.NEAR) {
            cb = cb.lerp(ca, (Camera.NEAR - cb.z()) / (ca.z() - cb.z()));
        }
        double[] pa = camera.projectCamera(ca);
        double[] pb = camera.projectCamera(cb);
        double width = Math.max(0.5, 0.012 * camera.focal() / Math.max(ca.z(), cb.z()));
        ink.capsule(pa[0], pa[1], width / 2, pb[0], pb[1], width / 2, c, false);
    }

    /** Sutherland–Hodgman clipping of a polygon at the camera's near plane, then projection. */
    private List<double[]> clip(Vec3[] corners) {
        List<Vec3> in = new ArrayList<>();
        for (Vec3 c : corners) {
            in.add(camera.toCamera(c));
        }
        List<double[]> out = new ArrayList<>();
        for (int i = 0; i < in.size(); i++) {
            Vec3 a = in.get(i);
            Vec3 b = in.get((i + 1) % in.size());
            boolean aIn = a.z() >= Camera.NEAR;
            boolean bIn = b.z() >= Camera.NEAR;
            if (aIn) {
                out.add(camera.projectCamera(a));
            }
            if (aIn != bIn) {
                out.add(camera.projectCamera(a.lerp(b, (Camera.NEAR - a.z()) / (b.z() - a.z()))));
            }
        }
        return out;
    }

    /** Soft uneven light (a coarse random gain field, brighter towards the top) and a fine surface texture. */
    private void light(Mat image) {
        int w = image.cols();
        int h = image.rows();
        try (RNG noise = new RNG(rng.nextLong()); Mat coarse = new Mat(3, 4, CV_32FC1);
             Mat mean = scalar(1.0); Mat sigma = scalar(0.06); Mat gain = new Mat(); Mat gain3 = new Mat();
             Mat f = new Mat(); Mat grain = new Mat(h, w, CV_32FC3); Mat zero = scalar(0); Mat grainSigma = scalar(3);
             Size size = new Size(w, h); Size auto = new Size(0, 0)) {
            noise._fill(coarse, RNG.NORMAL, mean, sigma, false);
            resize(coarse, gain, size, 0, 0, INTER_CUBIC);
            try (Mat ramp = new Mat(2, 1, CV_32FC1); Mat rampFull = new Mat()) {
                try (org.bytedeco.javacpp.indexer.FloatIndexer idx = ramp.createIndexer()) {
                    idx.put(0, 0, 1.06f);
                    idx.put(1, 0, 0.9f);
                }
                resize(ramp, rampFull, size, 0, 0, org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR);
                multiply(gain, rampFull, gain);
            }
            cvtColor(gain, gain3, COLOR_GRAY2BGR);
            image.convertTo(f, CV_32F);
            multiply(f, gain3, f);
            noise._fill(grain, RNG.NORMAL, zero, grainSigma, false);
            GaussianBlur(grain, grain, auto, 0.8);
            add(f, grain, f);
            f.convertTo(image, CV_8U);
        }
    }

    private Colour pick(Colour[] palette) {
        return palette[rng.nextInt(palette.length)];
    }

    private static Mat scalar(double v) {
        return new Mat(1, 1, CV_64F, Scalar.all(v));
    }
}
