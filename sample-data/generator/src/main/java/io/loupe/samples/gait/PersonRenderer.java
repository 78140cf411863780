package io.loupe.samples.gait;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32SC2;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC1;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.GaussianBlur;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_BINARY;
import static org.bytedeco.opencv.global.opencv_imgproc.boundingRect;
import static org.bytedeco.opencv.global.opencv_imgproc.convexHull;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;

import io.loupe.samples.core.Box;
import io.loupe.samples.core.Colour;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.bytedeco.javacpp.indexer.IntIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Draws the walker — head with hair and face, neck, torso, pelvis, upper and lower arms, hands, thighs, shins and
 * shoes — as filled shapes, each shaded like a lit cylinder (four bands from the shadowed edge to a highlight towards
 * the light at the top left, softened), far parts first; with a soft shadow on the floor. Widths come from the body
 * model and the depth of each joint, so the person scales with distance and the torso narrows when seen from the
 * side.
 *
 * <p>Not thread-safe; {@link #close()} is idempotent.
 */
public final class PersonRenderer implements AutoCloseable {

    /** Coverage (0..255) from which a pixel counts as the person's, for the box. */
    static final int BOX_COVERAGE = 64;
    /** Bands of a shaded shape: width factor, offset towards the light (in radii), brightness. */
    private static final double[][] BANDS = {{1.0, 0, 0.6}, {0.8, 0.13, 0.8}, {0.55, 0.26, 0.96}, {0.28, 0.38, 1.12}};
    private static final double LIGHT_X = -0.45;
    private static final double LIGHT_Y = -0.89;
    private static final double SHADOW = 0.32;

    private final Camera camera;
    private final BodyModel body;
    private final Appearance look;
    private final Mat colour = new Mat();
    private final Mat mask = new Mat();
    private final Mat maskF = new Mat();
    private final Mat mask3 = new Mat();
    private final Mat roiF = new Mat();
    private final Mat colourF = new Mat();
    private boolean closed;

    public PersonRenderer(Camera camera, BodyModel body, Appearance look) {
        this.camera = camera;
        this.body = body;
        this.look = look;
    }

    /**
     * Draws the person in {@code pose} onto {@code frame} (8-bit BGR of the camera's size).
     *
     * @param visibility the pose's keypoints ({@link Keypoints#of}), to draw the eyes only where they are seen
     * @return the box of every pixel the person covers at least a quarter
     */
    public Box draw(Mat frame, Pose pose, double[] visibility) {
        if (closed) {
            throw new IllegalStateException("PersonRenderer is closed");
        }
        double[][] px = new double[BodyPoint.values().length][];
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (BodyPoint p : BodyPoint.values()) {
            px[p.ordinal()] = camera.project(pose.at(p));
            minX = Math.min(minX, px[p.ordinal()][0]);
            maxX = Math.max(maxX, px[p.ordinal()][0]);
            minY = Math.min(minY, px[p.ordinal()][1]);
            maxY = Math.max(maxY, px[p.ordinal()][1]);
        }
        double scale = camera.pixelsPerMetre(px[BodyPoint.PELVIS.ordinal()][2]);
        int margin = (int) Math.ceil(0.3 * scale) + 4;
        Box frameBox = new Box(0, 0, frame.cols(), frame.rows());
        Box roi = Box.ofCorners((int) Math.floor(minX) - margin, (int) Math.floor(minY) - margin,
                (int) Math.ceil(maxX) + margin, (int) Math.ceil(maxY) + margin).intersect(frameBox);
        if (roi.isEmpty()) {
            return Box.EMPTY;
        }
        shadow(frame, pose, frameBox);
        colour.create(roi.height(), roi.width(), CV_8UC3);
        mask.create(roi.height(), roi.width(), CV_8UC1);
        try (Scalar zero = Scalar.all(0)) {
            colour.put(zero);
            mask.put(zero);
        }
        Ink ink = new Ink(colour, mask, roi.x(), roi.y());
        List<Part> parts = parts(pose, px);
        parts.sort(Comparator.comparingDouble(Part::depth).reversed());
        for (Part part : parts) {
            part.draw.accept(ink);
        }
        eyes(ink, px, visibility);
        double soften = Math.max(0.5, 0.006 * scale);
        try (Size auto = new Size(0, 0)) {
            GaussianBlur(colour, colour, auto, soften);
            GaussianBlur(mask, mask, auto, soften);
        }
        Box covered;
        try (Rect r = new Rect(roi.x(), roi.y(), roi.width(), roi.height()); Mat target = frame.apply(r)) {
            composite(target);
            try (Mat bin = new Mat()) {
                threshold(mask, bin, BOX_COVERAGE - 1, 255, THRESH_BINARY);
                try (Rect b = boundingRect(bin)) {
                    covered = b.width() == 0 ? Box.EMPTY
                            : new Box(b.x() + roi.x(), b.y() + roi.y(), b.width(), b.height());
                }
            }
        }
        return covered;
    }

    /** target = colour + target * (1 - mask): the layers are premultiplied by their coverage. */
    private void composite(Mat target) {
        mask.convertTo(maskF, CV_32F, -1 / 255.0, 1);
        cvtColor(maskF, mask3, COLOR_GRAY2BGR);
        target.convertTo(roiF, CV_32F);
        multiply(roiF, mask3, roiF);
        colour.convertTo(colourF, CV_32F);
        add(roiF, colourF, roiF);
        roiF.convertTo(target, CV_8U);
    }

    /** A soft dark ellipse on the floor under the body. */
    private void shadow(Mat frame, Pose pose, Box frameBox) {
        Vec3 centre = pose.at(BodyPoint.PELVIS).flat();
        Vec3 f = pose.forward();
        Vec3 l = pose.left();
        double along = 0.32 * body.height() / 1.7 + 0.5 * Math.abs(pose.at(BodyPoint.LEFT_ANKLE)
                .minus(pose.at(BodyPoint.RIGHT_ANKLE)).dot(f));
        double across = 0.2 * body.height() / 1.7;
        int n = 20;
        double[][] pts = new double[n][];
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (int i = 0; i < n; i++) {
            double a = 2 * Math.PI * i / n;
            Vec3 p = centre.plus(f, along * Math.cos(a)).plus(l, across * Math.sin(a));
            double[] q = camera.project(p);
            if (q[2] <= Camera.NEAR) {
                return;
            }
            pts[i] = q;
            minX = Math.min(minX, q[0]);
            maxX = Math.max(maxX, q[0]);
            minY = Math.min(minY, q[1]);
            maxY = Math.max(maxY, q[1]);
        }
        int blur = (int) Math.ceil(Math.max(2, (maxY - minY) * 0.6));
        Box box = Box.ofCorners((int) minX - 3 * blur, (int) minY - 3 * blur, (int) maxX + 3 * blur,
                (int) maxY + 3 * blur).intersect(frameBox);
        if (box.isEmpty()) {
            return;
        }
        try (Mat dark = new Mat(box.height(), box.width(), CV_8UC1, Scalar.all(0)); Size auto = new Size(0, 0);
             Rect r = new Rect(box.x(), box.y(), box.width(), box.height()); Mat target = frame.apply(r);
             Mat keep = new Mat(); Mat keep3 = new Mat(); Mat f32 = new Mat()) {
            new Ink(dark, null, box.x(), box.y()).polygon(pts, new Colour(255, 255, 255), false);
            GaussianBlur(dark, dark, auto, blur);
            dark.convertTo(keep, CV_32F, -SHADOW / 255.0, 1);
            cvtColor(keep, keep3, COLOR_GRAY2BGR);
            target.convertTo(f32, CV_32F);
            multiply(f32, keep3, f32);
            f32.convertTo(target, CV_8U);
        }
    }

    /** One drawable part and the depth it is sorted by (far first). */
    private record Part(double depth, java.util.function.Consumer<Ink> draw) {
    }

    private List<Part> parts(Pose pose, double[][] px) {
        List<Part> parts = new ArrayList<>();
        double torsoDepth = (px[BodyPoint.PELVIS.ordinal()][2] + px[BodyPoint.NECK.ordinal()][2]) / 2;
        Colour sleeve = look.longSleeves() ? look.top() : look.skin();
        for (Side s : Side.values()) {
            limb(parts, px, BodyPoint.of(s, "HIP"), BodyPoint.of(s, "KNEE"), BodyModel.Part.THIGH, look.trousers(), 0);
            limb(parts, px, BodyPoint.of(s, "KNEE"), BodyPoint.of(s, "ANKLE"), BodyModel.Part.SHIN, look.trousers(), 0);
            shoe(parts, pose, s);
            limb(parts, px, BodyPoint.of(s, "SHOULDER"), BodyPoint.of(s, "ELBOW"), BodyModel.Part.UPPER_ARM,
                    look.top(), 0);
            limb(parts, px, BodyPoint.of(s, "ELBOW"), BodyPoint.of(s, "WRIST"), BodyModel.Part.FOREARM, sleeve,
                    -0.001);
            limb(parts, px, BodyPoint.of(s, "WRIST"), BodyPoint.of(s, "HAND"), BodyModel.Part.HAND, look.skin(), -0.002);
        }
        double[] lh = px[BodyPoint.LEFT_HIP.ordinal()];
        double[] rh = px[BodyPoint.RIGHT_HIP.ordinal()];
        double pr = body.radius(BodyModel.Part.PELVIS);
        parts.add(new Part(torsoDepth + 0.01, ink -> shaded(ink, lh[0], lh[1], radius(pr, lh), rh[0], rh[1],
                radius(pr, rh), look.trousers())));
        parts.add(new Part(torsoDepth, ink -> torso(ink, pose, px)));
        double[] neck = px[BodyPoint.NECK.ordinal()];
        double[] head = px[BodyPoint.HEAD.ordinal()];
        double nr = body.radius(BodyModel.Part.NECK);
        parts.add(new Part(torsoDepth - 0.005, ink -> shaded(ink, neck[0], neck[1], radius(nr, neck),
                (neck[0] + head[0]) / 2, (neck[1] + head[1]) / 2, radius(nr, head), look.skin())));
        parts.add(new Part(torsoDepth - 0.01, ink -> head(ink, pose, px)));
        return parts;
    }

    private void limb(List<Part> parts, double[][] px, BodyPoint from, BodyPoint to, BodyModel.Part part, Colour c,
                      double bias) {
        double[] a = px[from.ordinal()];
        double[] b = px[to.ordinal()];
        double ra = radius(body.radius(part), a);
        double rb = radius(body.thinRadius(part), b);
        parts.add(new Part((a[2] + b[2]) / 2 + bias, ink -> shaded(ink, a[0], a[1], ra, b[0], b[1], rb, c)));
    }

    /** A tapered capsule shaded as a lit cylinder. */
    private static void shaded(Ink ink, double ax, double ay, double ra, double bx, double by, double rb, Colour c) {
        double dx = bx - ax;
        double dy = by - ay;
        double len = Math.max(1e-6, Math.hypot(dx, dy));
        double nx = -dy / len;
        double ny = dx / len;
        double towards = nx * LIGHT_X + ny * LIGHT_Y;
        double lx = nx * towards;
        double ly = ny * towards;
        if (len < 1e-3) {
            lx = LIGHT_X * 0.5;
            ly = LIGHT_Y * 0.5;
        }
        for (int i = 0; i < BANDS.length; i++) {
            double[] band = BANDS[i];
            double oa = band[1] * ra;
            double ob = band[1] * rb;
            ink.capsule(ax + lx * oa, ay + ly * oa, ra * band[0], bx + lx * ob, by + ly * ob, rb * band[0],
                    c.times(band[2]), i == 0);
        }
    }

    /**
     * The torso: a ribbon from the hips to the shoulders whose width is the body's width or depth as the camera sees
     * it, with a capsule across the shoulders.
     */
    private void torso(Ink ink, Pose pose, double[][] px) {
        Vec3 pelvis = pose.at(BodyPoint.PELVIS);
        Vec3 neck = pose.at(BodyPoint.NECK);
        Vec3 camRight = camera.right();
        double lr = Math.abs(pose.left().dot(camRight));
        double fr = Math.abs(pose.forward().dot(camRight));
        double s = body.height() / 1.7;
        // fraction up the trunk, half width, half depth (metres, 1.70 m body)
        double[][] ribbon = {{-0.12, 0.15, 0.1}, {0.35, 0.135, 0.095}, {0.75, 0.16, 0.11}, {0.97, 0.15, 0.09}};
        int n = ribbon.length;
        double[][] centre = new double[n][];
        double[] half = new double[n];
        for (int i = 0; i < n; i++) {
            Vec3 p = pelvis.lerp(neck, ribbon[i][0]);
            centre[i] = camera.project(p);
            double w = ribbon[i][1] * s * lr;
            double d = ribbon[i][2] * s * fr;
            half[i] = Math.sqrt(w * w + d * d) * camera.pixelsPerMetre(centre[i][2]);
        }
        double ax = centre[n - 1][0] - centre[0][0];
        double ay = centre[n - 1][1] - centre[0][1];
        double len = Math.max(1e-6, Math.hypot(ax, ay));
        double nx = -ay / len;
        double ny = ax / len;
        double towards = nx * LIGHT_X + ny * LIGHT_Y;
        for (int b = 0; b < BANDS.length; b++) {
            double[][] poly = new double[2 * n][];
            for (int i = 0; i < n; i++) {
                double off = BANDS[b][1] * half[i] * towards;
                double cx = centre[i][0] + nx * off;
                double cy = centre[i][1] + ny * off;
                double h = half[i] * BANDS[b][0];
                poly[i] = new double[] {cx + nx * h, cy + ny * h};
                poly[2 * n - 1 - i] = new double[] {cx - nx * h, cy - ny * h};
            }
            ink.polygon(poly, look.top().times(BANDS[b][2]), b == 0);
        }
        double[] ls = px[BodyPoint.LEFT_SHOULDER.ordinal()];
        double[] rs = px[BodyPoint.RIGHT_SHOULDER.ordinal()];
        double r = 0.055 * s;
        shaded(ink, ls[0], ls[1], radius(r, ls), rs[0], rs[1], radius(r, rs), look.top());
    }

    /** Head (skin), hair towards the back and top, the face where it turns towards the camera. */
    private void head(Ink ink, Pose pose, double[][] px) {
        Vec3 centre = pose.at(BodyPoint.HEAD);
        double[] c = px[BodyPoint.HEAD.ordinal()];
        double r = radius(body.headRadius(), c);
        Vec3 toCamera = camera.position().minus(centre).flat().unit();
        double facing = pose.forward().dot(toCamera);
        for (int b = 0; b < BANDS.length; b++) {
            double off = BANDS[b][1] * r * 0.6;
            ink.ellipse(c[0] + LIGHT_X * off, c[1] + LIGHT_Y * off, r * 0.92 * BANDS[b][0], r * 1.08 * BANDS[b][0], 0,
                    look.skin().times(BANDS[b][2]), b == 0);
        }
        double hr = body.headRadius();
        double[] hair = camera.project(centre.plus(pose.forward(), -0.3 * hr).plus(Vec3.UP, 0.28 * hr));
        for (int b = 0; b < 2; b++) {
            double k = b == 0 ? 1.0 : 0.7;
            double off = b * 0.2 * r;
            ink.ellipse(hair[0] + LIGHT_X * off, hair[1] + LIGHT_Y * off, r * 0.95 * k, r * 0.9 * k, 0,
                    look.hair().times(b == 0 ? 0.8 : 1.1), b == 0);
        }
        if (facing > -0.2) {
            double[] face = camera.project(centre.plus(pose.forward(), 0.45 * hr).plus(Vec3.UP, -0.15 * hr));
            double fr = r * (0.55 + 0.2 * Math.max(0, facing));
            ink.ellipse(face[0], face[1], fr, fr * 1.1, 0, look.skin().times(0.95), false);
        }
    }

    /** Small dark eyes where the eye keypoints are visible. */
    private void eyes(Ink ink, double[][] px, double[] keypoints) {
        for (BodyPoint eye : new BodyPoint[] {BodyPoint.LEFT_EYE, BodyPoint.RIGHT_EYE}) {
            if (keypoints[3 * eye.ordinal() + 2] == 2) {
                double[] e = px[eye.ordinal()];
                double r = Math.max(0.6, radius(0.011 * body.height() / 1.7, e));
                ink.ellipse(e[0], e[1], r, r * 0.8, 0, new Colour(30, 30, 35), false);
            }
        }
    }

    /** A shoe: the convex hull of a box from heel to toe, sole to instep. */
    private void shoe(List<Part> parts, Pose pose, Side side) {
        Vec3 heel = pose.at(BodyPoint.of(side, "HEEL"));
        Vec3 toe = pose.at(BodyPoint.of(side, "TOE"));
        Vec3 along = toe.minus(heel).unit();
        Vec3 lateral = Vec3.UP.cross(along).unit();
        Vec3 up = along.cross(lateral).unit();
        double s = body.height() / 1.7;
        double half = 0.048 * s;
        double[][] corners = new double[8][];
        int i = 0;
        double depth = 0;
        for (Vec3 end : new Vec3[] {heel.plus(along, -0.01 * s), toe}) {
            for (double w : new double[] {-half, half}) {
                for (double h : new double[] {0, end == toe ? 0.045 * s : 0.085 * s}) {
                    double[] q = camera.project(end.plus(lateral, w).plus(up, h));
                    corners[i++] = q;
                    depth += q[2] / 8;
                }
            }
        }
        double[][] hull = hull(corners);
        parts.add(new Part(depth, ink -> {
            ink.polygon(hull, look.shoes().times(0.75), true);
        }));
    }

    private static double[][] hull(double[][] pts) {
        try (Mat m = new Mat(pts.length, 1, CV_32SC2); Mat h = new Mat()) {
            try (IntIndexer idx = m.createIndexer()) {
                for (int i = 0; i < pts.length; i++) {
                    idx.put(i, 0, 0, (int) Math.round(pts[i][0] * 16));
                    idx.put(i, 0, 1, (int) Math.round(pts[i][1] * 16));
                }
            }
            convexHull(m, h);
            double[][] out = new double[(int) h.total()][];
            try (IntIndexer idx = h.createIndexer()) {
                for (int i = 0; i < out.length; i++) {
                    out[i] = new double[] {idx.get(i, 0, 0) / 16.0, idx.get(i, 0, 1) / 16.0};
                }
            }
            return out;
        }
    }

    private double radius(double metres, double[] projected) {
        return metres * camera.pixelsPerMetre(projected[2]);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        colour.close();
        mask.close();
        maskF.close();
        mask3.close();
        roiF.close();
        colourF.close();
    }
}
