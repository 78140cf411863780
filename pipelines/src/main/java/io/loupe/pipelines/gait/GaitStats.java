package io.loupe.pipelines.gait;

import io.loupe.pipelines.DomainStats;

import java.time.Instant;

/**
 * The gait pipeline's running numbers ({@code loupe.gait.stats/1}), published retained on {@code …/<pipeline>/stats}:
 * no parameters of any bout beyond the last score.
 *
 * @param session        the current session id
 * @param boutsScored    bouts given as results since start
 * @param boutsDropped   short bouts dropped since start
 * @param inBout         a bout is being recorded now
 * @param lastScore      the last bout's score, or null
 * @param lastConfidence its confidence, or null
 * @param lastBoutAt     when the last bout ended, or null
 * @param disclaimer     research use only, not a medical device
 * @param showVideo      whether the camera's picture may be shown ({@code privacy.showVideo}); else only the skeleton
 */
public record GaitStats(String session, long boutsScored, long boutsDropped, boolean inBout, Integer lastScore,
                        Double lastConfidence, Instant lastBoutAt, String disclaimer, boolean showVideo)
        implements DomainStats {

    public static final String SCHEMA = "loupe.gait.stats/1";

    @Override
    public String schema() {
        return SCHEMA;
    }
}
