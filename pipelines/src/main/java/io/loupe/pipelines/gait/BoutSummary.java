package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.View;

import java.time.Instant;

/**
 * One past bout in a session's trend (the web page's per-session chart).
 *
 * @param boutId            the bout's id
 * @param session           the session id
 * @param startedAt         when the bout started
 * @param durationS         its duration
 * @param view              side or frontal
 * @param score             the gait score, or null when not scored
 * @param confidence        the score's confidence
 * @param cadenceSpm        cadence, or null
 * @param stepLengthBh      step length in body heights, or null
 * @param speedBhS          speed in body heights per second, or null
 * @param armSwingAsymmetry arm-swing asymmetry, or null
 * @param freezingS         total freezing time
 */
public record BoutSummary(String boutId, String session, Instant startedAt, double durationS, View view,
                          Integer score, double confidence, Double cadenceSpm, Double stepLengthBh, Double speedBhS,
                          Double armSwingAsymmetry, double freezingS) {

    /** The summary of a result. */
    public static BoutSummary of(GaitResult r) {
        var p = r.parameters();
        return new BoutSummary(r.boutId(), r.session(), r.startedAt(), r.durationS(), r.view(), r.score().score(),
                r.score().confidence(), p.cadenceSpm(), p.stepLengthBh(), p.speedBhS(), p.armSwingAsymmetry(),
                p.freezingS());
    }
}
