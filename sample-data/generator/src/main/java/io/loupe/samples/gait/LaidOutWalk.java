package io.loupe.samples.gait;

import java.util.SplittableRandom;

/**
 * A planned walk laid out in a room and stepped: the walkway, camera and room, the body, and the kinematic model that
 * walks it. Drawn from the walk's own seeded stream, which it leaves ready for what comes next (the walker's look, the
 * room's texture, the camera's noise), so that the scene generator, the planner's length check and the tests that use
 * keypoints without video all see the same walk.
 *
 * @param layout the walkway, camera and room
 * @param body   the body's proportions
 * @param model  the walk, pose by pose, with its footsteps
 */
public record LaidOutWalk(WalkLayout layout, BodyModel body, GaitModel model) {

    /** Lays out and steps {@code plan}, drawing from {@code rng} (a stream seeded with {@code plan.seed()}). */
    public static LaidOutWalk of(WalkPlan plan, SplittableRandom rng) {
        GaitParams p = plan.params();
        BodyModel body = new BodyModel(p.bodyHeight());
        WalkLayout layout = WalkLayout.of(plan, rng);
        StepPlan steps = StepPlanner.plan(p, body, plan.seconds(), layout.walkway(), rng);
        return new LaidOutWalk(layout, body, new GaitModel(p, body, steps));
    }
}
