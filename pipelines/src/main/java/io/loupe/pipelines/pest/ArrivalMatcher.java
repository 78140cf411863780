package io.loupe.pipelines.pest;

import io.loupe.models.Detection;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Tells new arrivals from insects already on the card: insects stick where they land, so a detection whose centre is
 * within {@code distance} of its size from an insect of this trap period is that insect (whatever species this capture
 * calls it: the first identification is kept); the others are arrivals and get the next numbers. Detections are taken
 * best score first, each known insect matches at most once. An insect of the period that no detection matches stays
 * known (covered by glare, missed once) and is counted as unseen.
 */
final class ArrivalMatcher {
    private static final float MIN_RADIUS_PX = 3f;

    private final double distance;

    /** @param distance match radius in insect sizes (the larger of the two boxes' longer sides) */
    ArrivalMatcher(double distance) {
        this.distance = distance;
    }

    /**
     * What this capture found, as the trap's insects.
     *
     * @param found  the capture's detections
     * @param known  the insects of the period so far
     * @param nextId the next free insect number
     */
    Matched match(List<Detection> found, List<PestInsect> known, long nextId) {
        List<Detection> byScore = new ArrayList<>(found);
        byScore.sort(Comparator.comparingDouble(Detection::score).reversed());
        boolean[] taken = new boolean[known.size()];
        List<PestInsect> seen = new ArrayList<>(found.size());
        long id = nextId;
        for (Detection d : byScore) {
            float cx = (d.x1() + d.x2()) / 2;
            float cy = (d.y1() + d.y2()) / 2;
            float size = Math.max(d.width(), d.height());
            int best = -1;
            double bestDist = Double.MAX_VALUE;
            for (int k = 0; k < known.size(); k++) {
                if (taken[k]) {
                    continue;
                }
                PestInsect i = known.get(k);
                double r = Math.max(MIN_RADIUS_PX, distance * Math.max(size, i.size()));
                double dx = i.centerX() - cx;
                double dy = i.centerY() - cy;
                double dist = dx * dx + dy * dy;
                if (dist <= r * r && dist < bestDist) {
                    best = k;
                    bestDist = dist;
                }
            }
            if (best >= 0) {
                taken[best] = true;
                PestInsect i = known.get(best);
                seen.add(new PestInsect(i.id(), i.species(), d.score(), d.x1(), d.y1(), d.x2(), d.y2(), false));
            } else {
                seen.add(new PestInsect(id++, d.label(), d.score(), d.x1(), d.y1(), d.x2(), d.y2(), true));
            }
        }
        int unseen = 0;
        for (boolean t : taken) {
            unseen += t ? 0 : 1;
        }
        return new Matched(seen, unseen, id);
    }

    /**
     * @param seen   the capture's insects, known ones with their numbers, arrivals with new ones
     * @param unseen known insects no detection matched
     * @param nextId the next free number
     */
    record Matched(List<PestInsect> seen, int unseen, long nextId) {
        int arrivals() {
            return (int) seen.stream().filter(PestInsect::arrival).count();
        }
    }
}
