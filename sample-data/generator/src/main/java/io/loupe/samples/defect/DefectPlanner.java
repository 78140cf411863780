package io.loupe.samples.defect;

import io.loupe.samples.core.Box;
import io.loupe.samples.defect.marks.CrackMark;
import io.loupe.samples.defect.marks.DefectMark;
import io.loupe.samples.defect.marks.MissingMark;
import io.loupe.samples.defect.marks.Pt;
import io.loupe.samples.defect.marks.ScratchMark;
import io.loupe.samples.defect.marks.SpotMark;
import io.loupe.samples.defect.truth.DefectClass;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places a part's defects: each well inside the part's outline and apart from the others, so that every defect is a
 * separate finding.
 */
final class DefectPlanner {

    /** Distance every mark keeps from the part's outline, pixels. */
    static final double OUTLINE_MARGIN = 10;
    /** Gap kept between the extents of two marks on one part, pixels. */
    static final int SEPARATION = 16;
    private static final int ATTEMPTS = 200;

    private DefectPlanner() {
    }

    /**
     * @param part  the part, its defects ignored
     * @param count how many defects to place; fewer come back only when the part is too small for them
     */
    static List<DefectMark> plan(PartPlan part, int count, SplittableRandom rng) {
        List<DefectMark> placed = new ArrayList<>();
        for (int k = 0; k < count; k++) {
            // Class first, then where: long scratches fit less often than spots, but must not be rarer for it.
            DefectClass type = DefectClass.values()[rng.nextInt(DefectClass.values().length)];
            for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
                Pt center = new Pt(rng.nextInt(part.width()), rng.nextInt(part.height()));
                DefectMark mark = sample(type, center, rng);
                if (part.insideOutline(mark.extent(), OUTLINE_MARGIN) && apart(mark, placed)) {
                    placed.add(mark);
                    break;
                }
            }
        }
        return placed;
    }

    private static boolean apart(DefectMark mark, List<DefectMark> placed) {
        Box grown = mark.extent().grow(SEPARATION);
        return placed.stream().allMatch(other -> grown.intersect(other.extent()).isEmpty());
    }

    private static DefectMark sample(DefectClass type, Pt center, SplittableRandom rng) {
        return switch (type) {
            case SPOT -> spot(center, rng);
            case SCRATCH -> scratch(center, rng);
            case CRACK -> crack(center, rng);
            case MISSING -> missing(center, rng);
        };
    }

    /** 5 to 21 pixels across. */
    private static SpotMark spot(Pt center, SplittableRandom rng) {
        int rx = rng.nextInt(2, 11);
        int ry = Math.max(2, (int) Math.round(rx * rng.nextDouble(0.7, 1.0)));
        return new SpotMark(center, rx, ry, rng.nextInt(180), rng.nextDouble(0.55, 0.75), rng.nextBoolean());
    }

    /** 20 to 60 pixels long, 2 wide. */
    private static ScratchMark scratch(Pt center, SplittableRandom rng) {
        double length = rng.nextDouble(20, 60);
        double angle = rng.nextDouble(Math.PI);
        Pt from = center.step(-length / 2, angle);
        Pt to = center.step(length / 2, angle);
        return new ScratchMark(from, to, 2, rng.nextDouble(0.5, 0.65));
    }

    /** 3 to 5 jagged segments, 20 to 50 pixels in all, centred on {@code center}. */
    private static CrackMark crack(Pt center, SplittableRandom rng) {
        int segments = rng.nextInt(3, 6);
        double total = rng.nextDouble(20, 50);
        double heading = rng.nextDouble(2 * Math.PI);
        List<Pt> points = new ArrayList<>();
        Pt at = new Pt(0, 0);
        points.add(at);
        for (int i = 0; i < segments; i++) {
            heading += rng.nextDouble(-0.7, 0.7);
            at = at.step(total / segments * rng.nextDouble(0.7, 1.3), heading);
            points.add(at);
        }
        Box bounds = box(points);
        int dx = center.x() - (bounds.x() + bounds.width() / 2);
        int dy = center.y() - (bounds.y() + bounds.height() / 2);
        return new CrackMark(points.stream().map(p -> new Pt(p.x() + dx, p.y() + dy)).toList(), 2,
                rng.nextDouble(0.6, 0.75));
    }

    /** An irregular 7- to 9-gon, 8 to 30 pixels across. */
    private static MissingMark missing(Pt center, SplittableRandom rng) {
        int corners = rng.nextInt(7, 10);
        double radius = rng.nextDouble(6, 13);
        double phase = rng.nextDouble(2 * Math.PI);
        List<Pt> outline = new ArrayList<>();
        for (int i = 0; i < corners; i++) {
            double angle = phase + 2 * Math.PI * (i + rng.nextDouble(-0.25, 0.25)) / corners;
            outline.add(center.step(radius * rng.nextDouble(0.6, 1.15), angle));
        }
        return new MissingMark(outline, rng.nextDouble(0.38, 0.5));
    }

    private static Box box(List<Pt> points) {
        int x1 = points.stream().mapToInt(Pt::x).min().orElseThrow();
        int y1 = points.stream().mapToInt(Pt::y).min().orElseThrow();
        int x2 = points.stream().mapToInt(Pt::x).max().orElseThrow();
        int y2 = points.stream().mapToInt(Pt::y).max().orElseThrow();
        return Box.ofCorners(x1, y1, x2 + 1, y2 + 1);
    }
}
