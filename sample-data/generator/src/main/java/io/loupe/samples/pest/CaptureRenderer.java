package io.loupe.samples.pest;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.CV_32FC3;
import static org.bytedeco.opencv.global.opencv_core.CV_8U;
import static org.bytedeco.opencv.global.opencv_core.add;
import static org.bytedeco.opencv.global.opencv_core.multiply;
import static org.bytedeco.opencv.global.opencv_imgproc.COLOR_GRAY2BGR;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.cvtColor;
import static org.bytedeco.opencv.global.opencv_imgproc.resize;

import io.loupe.samples.core.Box;
import io.loupe.samples.core.CameraEffects;
import io.loupe.samples.pest.truth.InsectTruth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.indexer.FloatIndexer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * Composes the captures of a trap series and says where each insect is: the card of the capture's trap period, the
 * debris gathered so far, each insect (drawn once, when it arrives, and reused until the card is changed), the
 * capture's daylight (a gradient, brightness and colour temperature) and glue glare, then the camera's vignette,
 * blur and sensor noise.
 *
 * <p>Captures must be rendered in order for the sensor noise to be reproducible. Not thread-safe;
 * {@link #close()} is idempotent.
 */
public final class CaptureRenderer implements AutoCloseable {

    /** Light lost in the corners. */
    static final double VIGNETTING = 0.15;
    /** Optical blur, sigma in pixels. */
    static final double BLUR_SIGMA = 0.75;
    /** Sensor noise, sigma in grey levels. */
    static final double NOISE_SIGMA = 2.0;
    /** How far the strongest glare goes towards white. */
    static final double GLARE_STRENGTH = 0.7;

    private final TrapLayout layout;
    private final CameraEffects camera;
    private final Map<Integer, InsectSprite> sprites = new HashMap<>();
    private final Mat light = new Mat();
    private final Mat lit = new Mat();
    private final Mat towardsWhite = new Mat();
    private final Mat glare3 = new Mat();
    private TrapCard card;
    private boolean closed;

    /** @param cameraSeed seed of the sensor noise */
    public CaptureRenderer(TrapLayout layout, long cameraSeed) {
        this.layout = layout;
        this.camera = new CameraEffects(layout.width(), layout.height(), VIGNETTING, BLUR_SIGMA, NOISE_SIGMA,
                cameraSeed);
    }

    /**
     * Renders {@code plan} into {@code image} (8-bit BGR; (re)allocated to the layout's size if needed).
     *
     * @return each insect with its exact box in the image, by id
     */
    public List<InsectTruth> render(CapturePlan plan, Mat image) {
        if (closed) {
            throw new IllegalStateException("CaptureRenderer is closed");
        }
        if (card == null || card.seed() != plan.cardSeed()) {
            newCard(plan.cardSeed());
        }
        card.card().copyTo(image);
        for (DebrisPlan debris : plan.debris()) {
            DebrisRenderer.draw(image, debris);
        }
        List<InsectTruth> truths = new ArrayList<>(plan.insects().size());
        int half = InsectSprite.SIZE / 2;
        for (InsectPlan insect : plan.insects()) {
            InsectSprite sprite = sprites.computeIfAbsent(insect.id(), id -> InsectArtist.draw(insect));
            int left = insect.x() - half;
            int top = insect.y() - half;
            sprite.drawAt(image, left, top);
            Box box = sprite.box().translate(left, top);
            truths.add(new InsectTruth(insect.id(), insect.species(), box, insect.arrived()));
        }
        daylight(image, plan.lighting());
        camera.apply(image);
        return truths;
    }

    /** Gradient, brightness and colour temperature, then glare towards white where the glue reflects. */
    private void daylight(Mat image, LightingPlan lighting) {
        image.convertTo(lit, CV_32F);
        gain(lighting);
        multiply(lit, light, lit);
        lit.convertTo(towardsWhite, CV_32F, -1, 255);
        multiply(towardsWhite, glare3, towardsWhite, GLARE_STRENGTH * lighting.glare(), -1);
        add(lit, towardsWhite, lit);
        lit.convertTo(image, CV_8U);
    }

    /** The light over the card: a linear gradient along the lighting's angle, enlarged from a 3x3 grid. */
    private void gain(LightingPlan lighting) {
        double a = Math.toRadians(lighting.gradientAngle());
        double[] channel = {1 - lighting.warmth(), 1, 1 + lighting.warmth()};
        try (Mat grid = new Mat(3, 3, CV_32FC3); Size size = new Size(layout.width(), layout.height())) {
            try (FloatIndexer idx = grid.createIndexer()) {
                for (int r = 0; r < 3; r++) {
                    for (int c = 0; c < 3; c++) {
                        // position along the gradient, -1..1 across the card
                        double t = ((c - 1) * Math.cos(a) + (r - 1) * Math.sin(a)) / Math.sqrt(2);
                        double g = lighting.brightness() * (1 - lighting.gradientDepth() * (t + 1) / 2);
                        for (int k = 0; k < 3; k++) {
                            idx.put(r, c, k, (float) (g * channel[k]));
                        }
                    }
                }
            }
            resize(grid, light, size, 0, 0, INTER_LINEAR);
        }
    }

    private void newCard(long seed) {
        if (card != null) {
            card.close();
        }
        sprites.values().forEach(InsectSprite::close);
        sprites.clear();
        card = TrapCardRenderer.render(layout, seed);
        cvtColor(card.glare(), glare3, COLOR_GRAY2BGR);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sprites.values().forEach(InsectSprite::close);
        sprites.clear();
        if (card != null) {
            card.close();
        }
        camera.close();
        light.close();
        lit.close();
        towardsWhite.close();
        glare3.close();
    }
}
