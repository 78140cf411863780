package io.loupe.appliance.publish;

import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.gait.GaitResult;
import io.loupe.pipelines.gait.analysis.GaitParameters;
import io.loupe.pipelines.gait.analysis.GaitScore;
import java.time.Instant;
import java.util.Locale;

/**
 * {@code loupe.gait.result/1} on {@code loupe/<site>/<node>/<pipeline>/result}: one walking bout's gait parameters and
 * score. Never pixels or keypoints: what leaves the box is numbers, with the disclaimer.
 *
 * @param schema        payload schema and version
 * @param seq           per-pipeline sequence number
 * @param ts            when the bout was scored
 * @param site          site id
 * @param node          node id
 * @param pipeline      pipeline id
 * @param camera        camera id
 * @param frame         the frame that ended the bout, or null at the end of the stream
 * @param model         the pose model
 * @param session       the session (patient pseudonym) id set on the appliance
 * @param boutId        the bout's id
 * @param trackId       the walker's track id
 * @param startedAt     the bout's start
 * @param endedAt       its end
 * @param durationS     its length in seconds
 * @param end           why it ended (stopped, left_view, …)
 * @param view          side or frontal
 * @param viewDecided   whether the view was decided from the keypoints
 * @param parameters    the gait parameters; a missing one is null and listed with its reason in {@code missing}
 * @param score         the score 0-4 (null when not scored), its confidence, the rules that drove it
 * @param lowerBody     share of frames with hips, knees and ankles
 * @param upperBody     share of frames with shoulders and elbows
 * @param partialFrames share of frames with a partial body
 * @param partialNote   why the body was partial, or null
 * @param disclaimer    research use only, not a medical device
 * @param latencyMs     from the ending frame to the result
 */
public record GaitPayload(String schema, long seq, Instant ts, String site, String node, String pipeline,
                          String camera, FramePayload frame, ModelRef model, String session, String boutId,
                          String trackId, Instant startedAt, Instant endedAt, double durationS, String end, String view,
                          boolean viewDecided, GaitParameters parameters, GaitScore score, double lowerBody,
                          double upperBody, double partialFrames, String partialNote, String disclaimer,
                          double latencyMs) {

    static GaitPayload of(String site, String node, String pipeline, GaitResult r) {
        return new GaitPayload(GaitResult.SCHEMA, r.seq(), r.ts(), site, node, pipeline, r.frame().camera(),
                r.frame().present() ? FramePayload.of(r.frame()) : null, r.model(), r.session(), r.boutId(),
                r.trackId(), r.startedAt(), r.endedAt(), DetectionPayload.round(r.durationS(), 3),
                r.end().name().toLowerCase(Locale.ROOT), r.view().name().toLowerCase(Locale.ROOT), r.viewDecided(),
                r.parameters(), r.score(), DetectionPayload.round(r.lowerBody(), 4),
                DetectionPayload.round(r.upperBody(), 4), DetectionPayload.round(r.partialFrames(), 4),
                r.partialNote(), r.disclaimer(), DetectionPayload.round(r.latencyMs(), 2));
    }
}
