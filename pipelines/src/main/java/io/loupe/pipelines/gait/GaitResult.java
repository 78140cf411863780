package io.loupe.pipelines.gait;

import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.gait.analysis.GaitParameters;
import io.loupe.pipelines.gait.analysis.GaitScore;
import io.loupe.pipelines.gait.analysis.View;

import java.time.Instant;

/**
 * One walking bout ({@code loupe.gait.result/1}), published on {@code …/<pipeline>/result}: parameters and score, never
 * pixels or keypoints.
 *
 * @param frame         the frame that ended the bout (or {@link FrameRef#none} at the end of the stream)
 * @param seq           per-pipeline sequence number
 * @param ts            when the result was reached
 * @param latencyMs     from the ending frame's capture to {@code ts}
 * @param model         the pose model's provenance
 * @param session       the session (patient pseudonym) id
 * @param boutId        the bout's id, unique on the node
 * @param trackId       the walker's track id
 * @param startedAt     the bout's start
 * @param endedAt       its end
 * @param durationS     its duration, seconds
 * @param end           why it ended
 * @param view          side or frontal
 * @param viewDecided   true when the view was decided from the keypoints ({@code view: auto})
 * @param parameters    the gait parameters; missing ones null with their reasons
 * @param score         the gait score with its confidence and drivers (score null when it could not be scored)
 * @param lowerBody     share of frames with both hips, knees and ankles
 * @param upperBody     share of frames with both shoulders and elbows
 * @param partialFrames share of frames where the pose source judged the body partial (e.g. legs only)
 * @param partialNote   the pose source's reason for a partial body, or null
 * @param disclaimer    {@link GaitScore#DISCLAIMER}: research use only, not a medical device
 */
public record GaitResult(FrameRef frame, long seq, Instant ts, double latencyMs, ModelRef model, String session,
                         String boutId, String trackId, Instant startedAt, Instant endedAt, double durationS,
                         BoutEnd end, View view, boolean viewDecided, GaitParameters parameters, GaitScore score,
                         double lowerBody, double upperBody, double partialFrames, String partialNote,
                         String disclaimer) implements PipelineResult {

    public static final String SCHEMA = "loupe.gait.result/1";

    @Override
    public String schema() {
        return SCHEMA;
    }

    @Override
    public GaitResult sequenced(long newSeq, Instant newTs, double newLatencyMs) {
        return new GaitResult(frame, newSeq, newTs, newLatencyMs, model, session, boutId, trackId, startedAt, endedAt,
                durationS, end, view, viewDecided, parameters, score, lowerBody, upperBody, partialFrames,
                partialNote, disclaimer);
    }
}
