package io.loupe.samples.defect;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

import io.loupe.samples.core.Box;
import io.loupe.samples.core.CameraEffects;
import io.loupe.samples.defect.truth.DefectInFrame;
import io.loupe.samples.defect.truth.DefectTruth;
import io.loupe.samples.defect.truth.FrameTruth;
import io.loupe.samples.defect.truth.PartInFrame;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * Composes the frames of a conveyor scene and says what is in each: belt, then each part in view (shaded once, when
 * it first appears, and released when it has left), then the camera's vignette, blur and noise.
 *
 * <p>Frames must be rendered in increasing order for the sensor noise to be reproducible. Not thread-safe;
 * {@link #close()} is idempotent.
 */
public final class ConveyorRenderer implements AutoCloseable {

    /** Light lost in the frame corners. */
    static final double VIGNETTING = 0.16;
    /** Optical blur, sigma in pixels. */
    static final double BLUR_SIGMA = 0.7;
    /** Sensor noise, sigma in grey levels. */
    static final double NOISE_SIGMA = 2.0;

    private final ConveyorLayout layout;
    private final List<PartPlan> parts;
    private final BeltRenderer belt;
    private final CameraEffects camera;
    private final Mat black;
    private final Map<Integer, PartSprite> sprites = new HashMap<>();
    private final Map<Integer, List<DefectTruth>> defects = new HashMap<>();
    private boolean closed;

    /**
     * @param parts      the parts, in order of arrival
     * @param beltSeed   seed of the belt's look
     * @param cameraSeed seed of the sensor noise
     */
    public ConveyorRenderer(ConveyorLayout layout, List<PartPlan> parts, long beltSeed, long cameraSeed) {
        this.layout = layout;
        this.parts = List.copyOf(parts);
        this.belt = new BeltRenderer(layout, new SplittableRandom(beltSeed));
        this.camera = new CameraEffects(layout.width(), layout.height(), VIGNETTING, BLUR_SIGMA, NOISE_SIGMA,
                cameraSeed);
        this.black = new Mat(layout.height(), layout.width(), CV_8UC3, Scalar.all(0));
    }

    /**
     * Renders frame {@code frameIndex} into {@code frame} (8-bit BGR; (re)allocated to the frame size if needed).
     *
     * @return the parts and defects in it, boxes clipped to the frame
     */
    public FrameTruth render(int frameIndex, Mat frame) {
        if (closed) {
            throw new IllegalStateException("ConveyorRenderer is closed");
        }
        frame.create(layout.height(), layout.width(), CV_8UC3);
        belt.draw(frame, frameIndex);
        Box frameBox = layout.frame();
        List<PartInFrame> inFrame = new ArrayList<>();
        List<DefectInFrame> defectsInFrame = new ArrayList<>();
        for (PartPlan part : parts) {
            Box box = part.boxAt(frameIndex, layout);
            Box visible = box.intersect(frameBox);
            if (visible.isEmpty()) {
                if (box.x() >= layout.width()) {
                    release(part.id());
                }
                continue;
            }
            PartSprite sprite = sprites.computeIfAbsent(part.id(), id -> {
                PartSprite made = PartSpriteRenderer.render(part);
                defects.put(id, made.defects());
                return made;
            });
            sprite.drawAt(frame, black, box.x(), box.y());
            inFrame.add(new PartInFrame(part.id(), visible, !frameBox.contains(box)));
            for (DefectTruth defect : sprite.defects()) {
                Box inPicture = defect.box().translate(box.x(), box.y());
                Box seen = inPicture.intersect(frameBox);
                if (!seen.isEmpty()) {
                    defectsInFrame.add(new DefectInFrame(part.id(), defect.id(), defect.type(), seen,
                            !frameBox.contains(inPicture)));
                }
            }
        }
        camera.apply(frame);
        return new FrameTruth(frameIndex, inFrame, defectsInFrame);
    }

    /** @return the exact defect boxes (part-local) of every part rendered so far, by part id */
    public Map<Integer, List<DefectTruth>> renderedDefects() {
        return Map.copyOf(defects);
    }

    private void release(int partId) {
        PartSprite sprite = sprites.remove(partId);
        if (sprite != null) {
            sprite.close();
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        sprites.values().forEach(PartSprite::close);
        sprites.clear();
        belt.close();
        camera.close();
        black.close();
    }
}
