package io.loupe.samples.gait;

/**
 * One walk to render.
 *
 * @param walk     number, from 1
 * @param seconds  length of the video
 * @param params   the gait
 * @param score    the intended gait score, {@link GaitScoreRule#score} of the params
 * @param seed     seed of everything else about the walk: step-to-step variation, the room, clothes, camera noise
 */
public record WalkPlan(int walk, double seconds, GaitParams params, int score, long seed) {

    public WalkPlan {
        int rule = GaitScoreRule.score(params, seconds);
        if (rule != score) {
            throw new IllegalArgumentException("walk " + walk + " is planned with score " + score + " but its "
                    + "parameters score " + rule + " by GaitScoreRule");
        }
    }

    public View view() {
        return params.direction().view();
    }
}
