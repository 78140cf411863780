package io.loupe.samples.gait;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Draws the gait of each walk from a seeded stream so that a set of walks spans the scores: walk {@code i} (from 1)
 * aims at score {@code (i - 1) mod 5} and alternates side and frontal views, so four walks give scores 0–3 in both
 * views and ten give every score in both. Parameter ranges per score are chosen inside {@link GaitScoreRule}'s bands,
 * and each plan is checked against the rule.
 */
public final class GaitPlanner {

    /** Turn duration range (s) and step range per score. */
    private static final double[][] TURN_SECONDS = {{1.4, 2.0}, {1.8, 2.6}, {2.5, 3.5}, {3.0, 4.5}, {3.5, 5.0}};
    private static final int[][] TURN_STEPS = {{3, 4}, {4, 5}, {5, 7}, {6, 9}, {7, 10}};
    /** Straight step intervals a walk's video must hold, whatever its turns and freezes take. */
    static final int MIN_STRAIGHT_STEPS = 6;
    /** A walk's video is at most this many times the requested length. */
    static final double MAX_STRETCH = 3;

    private GaitPlanner() {
    }

    /**
     * @return {@code count} walks of at least {@code seconds} each, longer where a slow walker's turns and
     *         freezes need it (see {@link #filmedLongEnough})
     */
    public static List<WalkPlan> plan(int count, double seconds, SplittableRandom rng) {
        List<WalkPlan> walks = new ArrayList<>(count);
        for (int i = 1; i <= count; i++) {
            int score = (i - 1) % 5;
            boolean side = (i - 1) % 2 == 0;
            Direction direction = side ? (rng.nextBoolean() ? Direction.LEFT_TO_RIGHT : Direction.RIGHT_TO_LEFT)
                    : (rng.nextDouble() < 0.7 ? Direction.AWAY_THEN_TOWARDS : Direction.TOWARDS_THEN_AWAY);
            GaitParams p = draw(score, direction, seconds, rng);
            walks.add(filmedLongEnough(new WalkPlan(i, seconds, p, score, rng.nextLong())));
        }
        return walks;
    }

    /**
     * The walk filmed for as long as its exam needs: its own length, or a whole second longer at a time (its freezes
     * spread over the longer video, their durations kept) until it holds {@value #MIN_STRAIGHT_STEPS} straight step
     * intervals, at most {@value #MAX_STRETCH} times its length. The gait exam this imitates (MDS-UPDRS 3.10: walk
     * at least 10 m away, turn, come back) is filmed until it is done; a fixed-length video of a severe walker held
     * little more than his turn and his freezes, and gave no cadence to measure.
     */
    static WalkPlan filmedLongEnough(WalkPlan walk) {
        WalkPlan filmed = walk;
        for (double s = walk.seconds(); s <= MAX_STRETCH * walk.seconds(); s++) {
            filmed = filmedFor(walk, s);
            if (straightSteps(filmed) >= MIN_STRAIGHT_STEPS) {
                break;
            }
        }
        return filmed;
    }

    /**
     * @return {@code walk} filmed for {@code seconds} instead: its freezes' start times scaled by the ratio of the
     *         lengths, their durations kept
     */
    static WalkPlan filmedFor(WalkPlan walk, double seconds) {
        return new WalkPlan(walk.walk(), seconds, stretchFreezes(walk.params(), seconds / walk.seconds()),
                walk.score(), walk.seed());
    }

    /** @return the straight step intervals of {@code walk} as the scene generator lays it out and walks it */
    static int straightSteps(WalkPlan walk) {
        GaitModel model = LaidOutWalk.of(walk, new SplittableRandom(walk.seed())).model();
        int frames = (int) Math.round(walk.seconds() * GaitSceneGenerator.FPS);
        return BoutMeasures.measure(model, walk.params(), frames, GaitSceneGenerator.FPS).straightSteps();
    }

    /**
     * @return {@code p} with its freezes' start times scaled by {@code factor} (their durations kept); {@code p}
     *         itself when the factor is 1
     */
    private static GaitParams stretchFreezes(GaitParams p, double factor) {
        if (factor == 1 || p.freezes().isEmpty()) {
            return p;
        }
        List<FreezePlan> freezes = new ArrayList<>(p.freezes().size());
        for (FreezePlan f : p.freezes()) {
            freezes.add(new FreezePlan(f.start() * factor, f.duration()));
        }
        return p.withFreezes(freezes);
    }

    /** @return a gait that scores {@code score} over a walk of {@code seconds} */
    public static GaitParams draw(int score, Direction direction, double seconds, SplittableRandom rng) {
        double height = rng.nextDouble(1.55, 1.9);
        double cadence;
        double step;
        double cv;
        double armA;
        double armB;
        double elbow;
        double trunk;
        double head;
        double lift;
        double roll;
        double crouch;
        double tremor;
        List<FreezePlan> freezes = List.of();
        switch (score) {
            case 0 -> {
                cadence = rng.nextDouble(104, 122);
                step = rng.nextDouble(0.40, 0.46);
                cv = rng.nextDouble(0.015, 0.03);
                armA = rng.nextDouble(32, 45);
                armB = armA * rng.nextDouble(0.88, 1.0);
                elbow = rng.nextDouble(10, 20);
                trunk = rng.nextDouble(0, 5);
                head = rng.nextDouble(0, 5);
                lift = rng.nextDouble(0.10, 0.14);
                roll = rng.nextDouble(0.9, 1.1);
                crouch = rng.nextDouble(0.005, 0.015);
                tremor = 0;
            }
            case 1 -> {
                cadence = rng.nextDouble(100, 116);
                step = rng.nextDouble(0.33, 0.39);
                cv = rng.nextDouble(0.025, 0.04);
                if (rng.nextBoolean()) {
                    armA = rng.nextDouble(18, 27);
                    armB = armA * rng.nextDouble(0.85, 1.0);
                } else {
                    armA = rng.nextDouble(30, 40);
                    armB = armA * rng.nextDouble(0.45, 0.7);
                }
                elbow = rng.nextDouble(15, 25);
                trunk = rng.nextDouble(3, 12);
                head = rng.nextDouble(3, 8);
                lift = rng.nextDouble(0.07, 0.10);
                roll = rng.nextDouble(0.6, 0.8);
                crouch = rng.nextDouble(0.015, 0.03);
                tremor = rng.nextDouble(0, 0.5);
            }
            case 2 -> {
                cadence = rng.nextDouble(86, 104);
                step = rng.nextDouble(0.22, 0.295);
                cv = rng.nextDouble(0.04, 0.06);
                armA = rng.nextDouble(6, 11.5);
                armB = armA * rng.nextDouble(0.5, 1.0);
                elbow = rng.nextDouble(25, 40);
                trunk = rng.nextDouble(12, 25);
                head = rng.nextDouble(8, 15);
                lift = rng.nextDouble(0.025, 0.045);
                roll = rng.nextDouble(0.3, 0.5);
                crouch = rng.nextDouble(0.03, 0.05);
                tremor = rng.nextDouble(0.5, 1.5);
            }
            case 3 -> {
                cadence = rng.nextDouble(80, 100);
                step = rng.nextDouble(0.12, 0.21);
                cv = rng.nextDouble(0.06, 0.09);
                armA = rng.nextDouble(2, 7);
                armB = armA * rng.nextDouble(0.4, 1.0);
                elbow = rng.nextDouble(35, 50);
                trunk = rng.nextDouble(18, 30);
                head = rng.nextDouble(12, 20);
                lift = rng.nextDouble(0.015, 0.03);
                roll = rng.nextDouble(0.15, 0.3);
                crouch = rng.nextDouble(0.045, 0.065);
                tremor = rng.nextDouble(1, 2.5);
                freezes = freezes(seconds, rng.nextDouble(0.15, 0.28), rng.nextInt(1, 3), rng);
            }
            case 4 -> {
                cadence = rng.nextDouble(60, 80);
                step = rng.nextDouble(0.05, 0.09);
                cv = rng.nextDouble(0.08, 0.12);
                armA = rng.nextDouble(0, 3);
                armB = armA * rng.nextDouble(0.3, 1.0);
                elbow = rng.nextDouble(40, 60);
                trunk = rng.nextDouble(25, 35);
                head = rng.nextDouble(15, 25);
                lift = rng.nextDouble(0.01, 0.02);
                roll = rng.nextDouble(0.05, 0.15);
                crouch = rng.nextDouble(0.06, 0.08);
                tremor = rng.nextDouble(2, 3.5);
                freezes = freezes(seconds, rng.nextDouble(0.4, 0.55), 2, rng);
            }
            default -> throw new IllegalArgumentException("gait score must be 0..4, got " + score);
        }
        boolean leftArmFirst = rng.nextBoolean();
        double turnSeconds = rng.nextDouble(TURN_SECONDS[score][0], TURN_SECONDS[score][1]);
        int turnSteps = rng.nextInt(TURN_STEPS[score][0], TURN_STEPS[score][1] + 1);
        return new GaitParams(direction, height, cadence, step, cv, leftArmFirst ? armA : armB,
                leftArmFirst ? armB : armA, elbow, trunk, head, lift, roll, crouch, tremor, freezes, turnSeconds,
                turnSteps, rng.nextBoolean());
    }

    /**
     * @param share  share of the walk spent frozen
     * @param count  episodes
     * @return episodes spread over the walk, none in its first or last 0.6 s
     */
    static List<FreezePlan> freezes(double seconds, double share, int count, SplittableRandom rng) {
        double total = seconds * share;
        double each = total / count;
        double room = seconds - 1.2 - total;
        if (room <= 0) {
            return List.of(new FreezePlan(0.6, Math.max(0.3, seconds - 1.2)));
        }
        List<FreezePlan> list = new ArrayList<>(count);
        double[] gaps = new double[count + 1];
        double sum = 0;
        for (int i = 0; i <= count; i++) {
            gaps[i] = rng.nextDouble(0.5, 1.5);
            sum += gaps[i];
        }
        double t = 0.6;
        for (int i = 0; i < count; i++) {
            t += room * gaps[i] / sum;
            list.add(new FreezePlan(t, each));
            t += each;
        }
        return list;
    }
}
