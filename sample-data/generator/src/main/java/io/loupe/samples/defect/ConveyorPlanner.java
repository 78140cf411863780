package io.loupe.samples.defect;

import io.loupe.samples.defect.marks.DefectMark;
import io.loupe.samples.defect.truth.Material;
import io.loupe.samples.defect.truth.PartShape;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Decides the parts that cross the camera: their shape, material, colour, size, lane, spacing and defects. Parts
 * follow each other with a gap of 80 to 300 pixels, so one or two are in view; the first is already mid-frame at
 * frame 0.
 */
public final class ConveyorPlanner {

    /** Share of parts that carry at least one defect. */
    public static final double DEFECTIVE_SHARE = 0.4;

    private static final Bgr[] PLASTICS = {
        new Bgr(200, 226, 236), // ivory
        new Bgr(110, 172, 236), // light orange
        new Bgr(156, 212, 160), // pale green
        new Bgr(230, 196, 150), // pale blue
        new Bgr(222, 224, 226), // off-white
        new Bgr(120, 220, 236), // pale yellow
    };

    private ConveyorPlanner() {
    }

    /**
     * @param frames length of the video; only parts visible in some frame {@code [0, frames)} are returned
     * @return the parts in order of arrival, ids from 1
     */
    public static List<PartPlan> plan(ConveyorLayout layout, int frames, SplittableRandom rng) {
        List<PartPlan> parts = new ArrayList<>();
        int spawn = -(layout.width() / 2 + 100) / layout.speed();
        int id = 1;
        while (true) {
            PartPlan part = part(id, spawn, layout, rng);
            if (part.boxAt(frames - 1, layout).right() <= 0) {
                return parts;
            }
            parts.add(part);
            id++;
            int gap = rng.nextInt(80, 301);
            spawn += (part.width() + gap + layout.speed() - 1) / layout.speed();
        }
    }

    /** One part with the given spawn frame, drawn from {@code rng}. */
    static PartPlan part(int id, int spawnFrame, ConveyorLayout layout, SplittableRandom rng) {
        return part(id, spawnFrame, layout, rng, rng.nextDouble() < DEFECTIVE_SHARE);
    }

    /** One part, good or defective as asked. */
    static PartPlan part(int id, int spawnFrame, ConveyorLayout layout, SplittableRandom rng, boolean defective) {
        PartShape shape = rng.nextBoolean() ? PartShape.ROUNDED_RECT : PartShape.DISC;
        Material material = rng.nextBoolean() ? Material.METAL : Material.PLASTIC;
        Bgr color = material == Material.METAL ? steel(rng) : PLASTICS[rng.nextInt(PLASTICS.length)];
        int width;
        int height;
        int corner;
        if (shape == PartShape.DISC) {
            width = rng.nextInt(96, 137);
            height = width;
            corner = width / 2;
        } else {
            width = rng.nextInt(120, 171);
            height = rng.nextInt(80, 131);
            corner = rng.nextInt(8, 21);
        }
        int centerY = layout.beltCenterY() + rng.nextInt(-36, 37);
        long textureSeed = rng.nextLong();
        PartPlan bare = new PartPlan(id, shape, material, color, width, height, corner, centerY, spawnFrame,
                textureSeed, List.of());
        if (!defective) {
            return bare;
        }
        double roll = rng.nextDouble();
        int count = roll < 0.6 ? 1 : roll < 0.9 ? 2 : 3;
        List<DefectMark> defects = DefectPlanner.plan(bare, count, rng);
        return new PartPlan(id, shape, material, color, width, height, corner, centerY, spawnFrame, textureSeed,
                defects);
    }

    private static Bgr steel(SplittableRandom rng) {
        int grey = rng.nextInt(172, 201);
        return rng.nextBoolean() ? new Bgr(grey + 4, grey + 1, grey - 3) : new Bgr(grey - 4, grey, grey + 3);
    }
}
