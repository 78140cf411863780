package io.loupe.samples.gait;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The planner and the kinematic model, without rendering: fast checks over many walks. */
class GaitModelTest {

    private static final Walkway LONG = new Walkway(new Vec3(0, 0, 0), new Vec3(1, 0, 0), 100);

    @Test
    void planner_everyScore_drawsParametersTheRuleScoresTheSame() {
        SplittableRandom rng = new SplittableRandom(11);
        for (int score = 0; score <= 4; score++) {
            for (int i = 0; i < 40; i++) {
                Direction d = Direction.values()[i % 4];
                GaitParams p = GaitPlanner.draw(score, d, 8, rng);
                assertEquals(score, GaitScoreRule.score(p, 8), "score " + score + ": " + p);
            }
        }
    }

    @Test
    void plan_walkSpansTheScoresAndAlternatesViews() {
        List<WalkPlan> walks = GaitPlanner.plan(10, 8, new SplittableRandom(3));
        for (int i = 0; i < 10; i++) {
            assertEquals(i % 5, walks.get(i).score());
            assertEquals(i % 2 == 0 ? View.SIDE : View.FRONTAL, walks.get(i).view());
        }
    }

    @Test
    void plan_slowWalkers_filmedUntilTheyHaveWalkedSixStraightSteps() {
        // given 20 walks asked for at 8 s from each of three seeds (scores 0-4, both views)
        int stretched = 0;
        for (long seed : new long[] {2002, 2101, 2203}) {
            for (WalkPlan walk : GaitPlanner.plan(20, 8, new SplittableRandom(seed))) {
                String what = "seed " + seed + " walk " + walk.walk() + " (" + walk.view() + ", score " + walk.score()
                        + ", " + walk.seconds() + " s)";
                // then each holds at least 6 straight step intervals as laid out and walked: a turn and freezes no
                // longer leave a severe walker's video without straight walking
                int straight = GaitPlanner.straightSteps(walk);
                assertTrue(straight >= GaitPlanner.MIN_STRAIGHT_STEPS, what + ": " + straight + " straight steps");
                // and is longer than asked only by the whole seconds it needed: one second less would not do
                assertTrue(walk.seconds() >= 8 && walk.seconds() <= 24 && walk.seconds() % 1 == 0, what);
                if (walk.seconds() > 8) {
                    stretched++;
                    WalkPlan less = GaitPlanner.filmedFor(walk, walk.seconds() - 1);
                    assertTrue(GaitPlanner.straightSteps(less) < GaitPlanner.MIN_STRAIGHT_STEPS, what);
                }
                // and its freezes lie inside it
                for (FreezePlan f : walk.params().freezes()) {
                    assertTrue(f.end() < walk.seconds(), what + ": freeze " + f);
                }
            }
        }
        // and most walks keep the length asked for
        assertTrue(stretched > 0 && stretched <= 30, stretched + " of 60 walks stretched");
    }

    @Test
    void model_straightWalk_heelStrikesMatchCadenceTimesDurationWithinOneStep() {
        SplittableRandom rng = new SplittableRandom(5);
        for (int score = 0; score <= 2; score++) {
            for (int i = 0; i < 10; i++) {
                double seconds = 6;
                GaitParams p = GaitPlanner.draw(score, Direction.LEFT_TO_RIGHT, seconds, rng);
                StepPlan plan = StepPlanner.plan(p, new BodyModel(p.bodyHeight()), seconds, LONG, rng);
                long strikes = plan.steps().stream().filter(s -> s.time() >= 0 && s.time() < seconds).count();
                double expected = p.cadence() * seconds / 60;
                assertTrue(Math.abs(strikes - expected) <= 1.5, "score " + score + ": " + strikes
                        + " heel strikes for cadence " + p.cadence() + " over " + seconds + " s");
                assertTrue(plan.turns().isEmpty() && plan.freezes().isEmpty());
            }
        }
    }

    @Test
    void model_legsKeepTheirLengthAndFeetStayOnTheFloorInStance() {
        SplittableRandom rng = new SplittableRandom(8);
        for (int score = 0; score <= 4; score++) {
            GaitParams p = GaitPlanner.draw(score, Direction.LEFT_TO_RIGHT, 8, rng);
            BodyModel body = new BodyModel(p.bodyHeight());
            GaitModel model = new GaitModel(p, body, StepPlanner.plan(p, body, 8, LONG, rng));
            for (double t = 0; t < 8; t += 0.02) {
                Pose pose = model.pose(t);
                for (Side s : Side.values()) {
                    double thigh = pose.at(BodyPoint.of(s, "HIP")).minus(pose.at(BodyPoint.of(s, "KNEE"))).norm();
                    double shin = pose.at(BodyPoint.of(s, "KNEE")).minus(pose.at(BodyPoint.of(s, "ANKLE"))).norm();
                    assertEquals(body.thigh(), thigh, 1e-6, "thigh at " + t);
                    assertEquals(body.shin(), shin, 0.01 * body.shin(), "shin at " + t + " (score " + score + ")");
                    assertTrue(pose.at(BodyPoint.of(s, "HEEL")).z() > -1e-9, "heel below the floor at " + t);
                    assertTrue(pose.at(BodyPoint.of(s, "TOE")).z() > -1e-9, "toe below the floor at " + t);
                }
                assertTrue(pose.at(BodyPoint.NOSE).z() > pose.at(BodyPoint.PELVIS).z());
            }
        }
    }

    @Test
    void model_freezing_feetStandStillWhileThePelvisTrembles() {
        SplittableRandom rng = new SplittableRandom(21);
        GaitParams p = GaitPlanner.draw(3, Direction.LEFT_TO_RIGHT, 8, rng);
        BodyModel body = new BodyModel(p.bodyHeight());
        GaitModel model = new GaitModel(p, body, StepPlanner.plan(p, body, 8, LONG, rng));
        assertEquals(p.freezes().size(), model.plan().freezes().size());
        for (Interval f : model.plan().freezes()) {
            assertTrue(f.duration() >= p.freezes().get(0).duration() - 1e-9, "freeze " + f + " shorter than planned");
            Pose first = model.pose(f.start() + 0.01);
            double minZ = Double.MAX_VALUE;
            double maxZ = -Double.MAX_VALUE;
            for (double t = f.start() + 0.01; t < f.end(); t += 0.01) {
                Pose pose = model.pose(t);
                assertEquals(GaitState.FREEZING, pose.state());
                for (BodyPoint foot : new BodyPoint[] {BodyPoint.LEFT_ANKLE, BodyPoint.RIGHT_ANKLE}) {
                    assertEquals(0, pose.at(foot).minus(first.at(foot)).norm(), 1e-9, foot + " moved at " + t);
                }
                minZ = Math.min(minZ, pose.at(BodyPoint.PELVIS).z());
                maxZ = Math.max(maxZ, pose.at(BodyPoint.PELVIS).z());
            }
            assertTrue(maxZ - minZ > 0.005, "the pelvis should tremble while frozen, moved " + (maxZ - minZ));
        }
    }

    @Test
    void model_turn_takesThePlannedStepsAndTimeAndFacesBack() {
        SplittableRandom rng = new SplittableRandom(4);
        GaitParams p = GaitPlanner.draw(1, Direction.AWAY_THEN_TOWARDS, 8, rng);
        BodyModel body = new BodyModel(p.bodyHeight());
        Walkway shortWay = new Walkway(new Vec3(0, 3, 0), new Vec3(0, 1, 0), 2.5);
        GaitModel model = new GaitModel(p, body, StepPlanner.plan(p, body, 8, shortWay, rng));
        assertEquals(1, model.plan().turns().size());
        TurnSpan turn = model.plan().turns().get(0);
        assertEquals(p.turnSteps(), turn.steps());
        assertEquals(p.turnDuration(), turn.time().duration(), 1e-9);
        double before = model.pose(turn.time().start() - 0.05).heading();
        double after = model.pose(turn.time().end() + 2 * p.stepTime()).heading();
        assertEquals(Math.PI, Math.abs(after - before), 0.05, "a turn faces the walker back");
    }
}
