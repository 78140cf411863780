package io.loupe.samples.pest;

import io.loupe.samples.pest.truth.Species;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Plans a series of captures of one trap from a seeded random stream: insects arrive between captures at a rate per
 * species (Poisson), stay where they landed (each capture moves them by at most one pixel from their landing spot,
 * so by at most 2 px from one capture to the next), debris gathers, daylight changes; now and then — or when the
 * card is full — the card is replaced and the count starts again from about zero.
 */
public final class TrapPlanner {

    /** Mean arrivals per species in one capture interval, in {@link Species} order. */
    static final double[] ARRIVAL_RATE = {6.0, 2.5, 3.5, 2.0, 1.0};
    /** Chance that the card is replaced before a capture (from the third capture on), even when not full. */
    static final double CHANGE_CHANCE = 0.15;
    /** Fewest and most insects on a card before it is replaced. */
    static final int MIN_CAPACITY = 150;
    static final int MAX_CAPACITY = 240;

    private static final int PLACEMENT_TRIES = 40;

    private TrapPlanner() {
    }

    /**
     * @param captures number of captures, at least 1
     * @return one plan per capture, in order
     */
    public static List<CapturePlan> plan(TrapLayout layout, int captures, SplittableRandom rng) {
        if (captures < 1) {
            throw new IllegalArgumentException("a trap series needs at least one capture, got " + captures);
        }
        List<CapturePlan> plans = new ArrayList<>(captures);
        List<InsectPlan> landed = new ArrayList<>();
        List<DebrisPlan> debris = new ArrayList<>();
        int period = 1;
        long cardSeed = rng.nextLong();
        double[] appetite = appetite(rng);
        int capacity = rng.nextInt(MIN_CAPACITY, MAX_CAPACITY + 1);
        int nextId = 1;
        for (int capture = 1; capture <= captures; capture++) {
            boolean changed = capture >= 3 && (landed.size() >= capacity || rng.nextDouble() < CHANGE_CHANCE);
            double share = 1;
            if (changed) {
                period++;
                landed.clear();
                debris.clear();
                cardSeed = rng.nextLong();
                appetite = appetite(rng);
                capacity = rng.nextInt(MIN_CAPACITY, MAX_CAPACITY + 1);
                share = rng.nextDouble(0, 0.3); // the new card hung for the last part of the interval only
            }
            if (debris.isEmpty()) {
                debris.addAll(initialDebris(layout, rng));
            } else {
                debris.addAll(newDebris(layout, rng));
            }
            double weather = rng.nextDouble(0.6, 1.4);
            List<Integer> arrivals = new ArrayList<>();
            for (Species species : Species.values()) {
                int n = poisson(ARRIVAL_RATE[species.ordinal()] * appetite[species.ordinal()] * weather * share, rng);
                for (int i = 0; i < n; i++) {
                    InsectPlan insect = land(nextId, species, capture, layout, landed, rng);
                    if (insect != null) {
                        landed.add(insect);
                        arrivals.add(nextId++);
                    }
                }
            }
            List<InsectPlan> now = new ArrayList<>(landed.size());
            for (InsectPlan insect : landed) {
                now.add(insect.arrived() == capture ? insect : jitter(insect, rng));
            }
            plans.add(new CapturePlan(capture, period, changed, cardSeed, now, arrivals, debris, lighting(rng)));
        }
        return plans;
    }

    /** This card's attraction per species: a trap period sees more of some pests than others. */
    private static double[] appetite(SplittableRandom rng) {
        double[] a = new double[Species.values().length];
        for (int i = 0; i < a.length; i++) {
            a[i] = Math.exp(Math.max(-0.8, Math.min(0.8, 0.35 * gaussian(rng))));
        }
        return a;
    }

    /** @return a new insect that does not overlap the landed ones, or null when the card has no room near where it fell */
    private static InsectPlan land(int id, Species species, int capture, TrapLayout layout, List<InsectPlan> landed,
                                   SplittableRandom rng) {
        int size = rng.nextInt(species.minSize(), species.maxSize() + 1);
        double angle = rng.nextDouble(360);
        long look = rng.nextLong();
        int m = TrapLayout.EDGE_MARGIN;
        for (int attempt = 0; attempt < PLACEMENT_TRIES; attempt++) {
            int x = rng.nextInt(m, layout.width() - m);
            int y = rng.nextInt(m, layout.height() - m);
            boolean free = true;
            for (InsectPlan other : landed) {
                double room = (size + other.size()) / 2.0 + 4;
                double dx = other.x() - x;
                double dy = other.y() - y;
                if (dx * dx + dy * dy < room * room) {
                    free = false;
                    break;
                }
            }
            if (free) {
                return new InsectPlan(id, species, x, y, angle, size, look, capture);
            }
        }
        return null;
    }

    /** The insect as seen again: at most one pixel away from where it landed. */
    private static InsectPlan jitter(InsectPlan insect, SplittableRandom rng) {
        int[][] steps = {{0, 0}, {1, 0}, {-1, 0}, {0, 1}, {0, -1}};
        int[] d = steps[rng.nextInt(steps.length)];
        return new InsectPlan(insect.id(), insect.species(), insect.x() + d[0], insect.y() + d[1], insect.angle(),
                insect.size(), insect.lookSeed(), insect.arrived());
    }

    private static List<DebrisPlan> initialDebris(TrapLayout layout, SplittableRandom rng) {
        List<DebrisPlan> list = new ArrayList<>();
        double area = layout.width() * (double) layout.height() / (2400.0 * 1600.0);
        add(list, DebrisPlan.Kind.DUST, (int) (350 * area), layout, rng);
        add(list, DebrisPlan.Kind.GRAIN, (int) (40 * area), layout, rng);
        add(list, DebrisPlan.Kind.FRAGMENT, (int) (10 * area), layout, rng);
        add(list, DebrisPlan.Kind.FIBRE, (int) (7 * area), layout, rng);
        return list;
    }

    private static List<DebrisPlan> newDebris(TrapLayout layout, SplittableRandom rng) {
        List<DebrisPlan> list = new ArrayList<>();
        add(list, DebrisPlan.Kind.DUST, poisson(40, rng), layout, rng);
        add(list, DebrisPlan.Kind.GRAIN, poisson(4, rng), layout, rng);
        add(list, DebrisPlan.Kind.FRAGMENT, poisson(1.0, rng), layout, rng);
        add(list, DebrisPlan.Kind.FIBRE, poisson(0.6, rng), layout, rng);
        return list;
    }

    private static void add(List<DebrisPlan> list, DebrisPlan.Kind kind, int n, TrapLayout layout,
                            SplittableRandom rng) {
        for (int i = 0; i < n; i++) {
            double size = switch (kind) {
                case DUST -> rng.nextDouble(1, 4);
                case GRAIN -> rng.nextDouble(2, 6);
                case FRAGMENT -> rng.nextDouble(8, 36);
                case FIBRE -> rng.nextDouble(20, 120);
            };
            list.add(new DebrisPlan(kind, rng.nextDouble(8, layout.width() - 8), rng.nextDouble(8, layout.height() - 8),
                    size, rng.nextDouble(360), rng.nextLong()));
        }
    }

    private static LightingPlan lighting(SplittableRandom rng) {
        return new LightingPlan(rng.nextDouble(0.92, 1.06), rng.nextDouble(360), rng.nextDouble(0.05, 0.2),
                rng.nextDouble(-0.08, 0.08), rng.nextDouble(0.35, 1.0));
    }

    /** Knuth's Poisson draw; fine for the small means used here. */
    static int poisson(double mean, SplittableRandom rng) {
        if (mean <= 0) {
            return 0;
        }
        double limit = Math.exp(-mean);
        double product = rng.nextDouble();
        int n = 0;
        while (product > limit) {
            n++;
            product *= rng.nextDouble();
        }
        return n;
    }

    /** A standard normal draw (Box–Muller) from {@code rng}. */
    static double gaussian(SplittableRandom rng) {
        double u = 1 - rng.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * rng.nextDouble());
    }
}
