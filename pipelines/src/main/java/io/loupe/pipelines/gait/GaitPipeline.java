package io.loupe.pipelines.gait;

import io.loupe.camera.Frame;
import io.loupe.models.Keypoint;
import io.loupe.models.ModelException;
import io.loupe.pipelines.DomainStats;
import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.Phase;
import io.loupe.pipelines.PhaseLatencies;
import io.loupe.pipelines.Pipeline;
import io.loupe.pipelines.PipelineAlert;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.ResultBatch;
import io.loupe.pipelines.Stage;
import io.loupe.pipelines.StageChain;
import io.loupe.pipelines.StageException;
import io.loupe.pipelines.gait.analysis.BoutAnalysis;
import io.loupe.pipelines.gait.analysis.GaitAnalyzer;
import io.loupe.pipelines.gait.analysis.GaitScore;
import io.loupe.pipelines.gait.analysis.GaitScoreRules;
import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.pose.PersonPose;
import io.loupe.pipelines.gait.pose.PoseSource;
import io.loupe.pipelines.gait.store.KeypointStore;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A built gait pipeline: one stage, {@code gait/bouts@v1}: pose per frame ({@link PoseSource}) → the walker
 * ({@link PersonTracker}) → bout cutting ({@link BoutSegmenter}) → at each bout's end the analysis
 * ({@link GaitAnalyzer}, {@link GaitScoreRules}) → a {@link GaitResult}, with {@code gait_session}
 * {@link PipelineAlert}s: new at a session's first bout, update after each bout, end when the session id changes or
 * the stream ends. Made by {@link GaitPipelineFactory#create}.
 *
 * <p>Privacy: results and alerts carry parameters and scores, never pixels; keypoints are stored only when
 * {@code privacy.storeKeypoints} is set, locally, with retention and {@link #deleteKeypoints}. The live
 * {@link #skeleton()} holds keypoints in frame pixels (for the web page), no picture.
 *
 * <p>Threads: the stage runs on the worker thread; {@link #skeleton()}, {@link #lastResult()}, {@link #trend},
 * {@link #stats()},
 * {@link #sessions()}, {@link #session()}, {@link #setSession} and {@link #deleteKeypoints} are safe from any thread.
 * A session change takes effect at the next frame (or at the end of the stream).
 */
public final class GaitPipeline implements Pipeline {
    private static final Logger LOG = LoggerFactory.getLogger(GaitPipeline.class);
    public static final String ALERT_KIND = "gait_session";
    /**
     * A bout with fewer than {@code bouts.minSteps} heel strikes and no freezing is dropped when shorter than this
     * (someone stepping into view); a longer one gives a result whose unmeasurable parameters say why.
     */
    static final double MIN_REPORTED_S = 3.0;

    private final String id;
    private final String camera;
    private final GaitSettings settings;
    private final PoseSource source;
    private final PersonTracker tracker;
    private final BoutSegmenter segmenter;
    private final WalkerFacing facing = new WalkerFacing();
    private final FootMotion footMotion = new FootMotion();
    private final float[] motion = new float[2];
    private final GaitMeasurer measurer;
    private final KeypointStore store;
    private final ModelRef model;
    private final PhaseLatencies phases;
    private final StageChain chain;
    private final AtomicReference<Skeleton> skeleton = new AtomicReference<>();
    private final AtomicReference<GaitResult> last = new AtomicReference<>();
    private final SessionTrends trends = new SessionTrends();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong scored = new AtomicLong();
    private volatile String requestedSession;
    private volatile String session;
    private OpenSession open;
    private double lastT = Double.NaN;
    private Instant lastAt = Instant.EPOCH;
    private long bouts;
    private boolean closed;

    /** A session's alert while it is open. */
    private record OpenSession(String session, String eventId, Instant startedAt, int bouts) {
    }

    GaitPipeline(String id, String camera, GaitSettings settings, PoseSource source, KeypointStore store,
                 ModelRef model, PhaseLatencies phases) {
        this.id = id;
        this.camera = camera;
        this.settings = settings;
        this.source = source;
        this.store = store;
        this.model = model;
        this.phases = phases;
        this.session = settings.session();
        this.requestedSession = settings.session();
        this.tracker = new PersonTracker(settings.bouts().lostAfter().toMillis() / 1000.0);
        this.segmenter = new BoutSegmenter(settings.bouts());
        this.measurer = new GaitMeasurer(settings);
        this.chain = StageChain.of(List.of(new BoutStage()));
    }

    public String id() {
        return id;
    }

    public GaitSettings settings() {
        return settings;
    }

    /** Whether the web page may show the camera picture behind the skeleton ({@code privacy.showVideo}). */
    public boolean showVideo() {
        return settings.privacy().showVideo();
    }

    /** The pose source, for the status page. */
    public String poseSource() {
        return source.describe();
    }

    @Override
    public StageChain chain() {
        return chain;
    }

    @Override
    public PhaseLatencies phases() {
        return phases;
    }

    /** The walker's skeleton in the latest frame; empty before the first walker. */
    public Optional<Skeleton> skeleton() {
        return Optional.ofNullable(skeleton.get());
    }

    /** The last bout's result; empty before the first. */
    public Optional<GaitResult> lastResult() {
        return Optional.ofNullable(last.get());
    }

    /**
     * The past bouts of a session, oldest first (in memory, at most 200).
     *
     * @throws IllegalArgumentException when the id is not a session id (1-64 of A-Z a-z 0-9 . _ -)
     */
    public List<BoutSummary> trend(String sessionId) {
        GaitSettings.checkSession("session", sessionId);
        return trends.of(sessionId);
    }

    /** Sessions with bouts in memory, oldest first. */
    public List<String> sessions() {
        return trends.sessions();
    }

    @Override
    public Optional<DomainStats> stats() {
        return Optional.of(gaitStats());
    }

    /** The running numbers as their own type. */
    public GaitStats gaitStats() {
        GaitResult r = last.get();
        Skeleton k = skeleton.get();
        return new GaitStats(requestedSession, scored.get(), dropped.get(), k != null && k.inBout(),
                r == null ? null : r.score().score(), r == null ? null : r.score().confidence(),
                r == null ? null : r.endedAt(), GaitScore.DISCLAIMER, showVideo());
    }

    /** The session results are attributed to now (or from the next frame, after {@link #setSession}). */
    public String session() {
        return requestedSession;
    }

    /** Bouts measured and given as results. */
    public long boutsScored() {
        return scored.get();
    }

    /** Bouts dropped for being short (under 3 s) with fewer than {@code bouts.minSteps} heel strikes. */
    public long boutsDropped() {
        return dropped.get();
    }

    /**
     * The keypoint store: when {@code privacy.storeKeypoints} is on, and when it is off but {@code privacy.storeDir}
     * holds keypoints stored before (kept to their retention and deletable, none added).
     */
    public Optional<KeypointStore> store() {
        return Optional.ofNullable(store);
    }

    /**
     * Sets the session (patient pseudonym) id for the following bouts; a bout open under the old id ends there
     * ({@link BoutEnd#SESSION_CHANGED}) and the old session's alert ends.
     *
     * @throws IllegalArgumentException for an invalid id (1–64 of A-Z a-z 0-9 . _ -)
     */
    public void setSession(String sessionId) {
        requestedSession = GaitSettings.checkSession("session", sessionId);
    }

    /**
     * Deletes a session's stored keypoints and forgets its trend in memory.
     *
     * @return the number of stored bout files deleted (0 when keypoints are not stored)
     * @throws IllegalArgumentException for an invalid id
     * @throws IllegalStateException    when the files could not be deleted; the message names the folder
     */
    public int deleteKeypoints(String sessionId) {
        GaitSettings.checkSession("session", sessionId);
        trends.remove(sessionId);
        return store == null ? 0 : store.deleteSession(sessionId);
    }

    /**
     * One frame: pose, walker, bouts. The frame's time is its stream time ({@code ptsMicros}) when it has one, else
     * its capture time.
     *
     * @return the results and alerts this frame concluded; usually none
     * @throws StageException when pose inference fails on this frame
     */
    public List<PipelineResult> accept(Mat bgr, FrameRef frame) throws StageException {
        double t = frame.ptsMicros() >= 0 ? frame.ptsMicros() / 1e6 : frame.capturedAt().toEpochMilli() / 1e3;
        if (!Double.isNaN(lastT) && t < lastT) {
            t = lastT;
        }
        lastT = t;
        lastAt = frame.capturedAt();
        List<PipelineResult> out = null;
        if (!requestedSession.equals(session)) {
            out = changeSession(frame);
        }
        long start = System.nanoTime();
        TrackedPerson walker;
        List<PersonPose> people;
        try {
            people = source.detect(bgr);
            walker = tracker.update(people, t);
            if (walker != null && !walker.pose().hasKeypoints()) {
                PersonPose refined = source.refine(bgr, walker.pose());
                walker = refined == null ? null : new TrackedPerson(walker.trackId(), refined);
                if (walker != null) {
                    tracker.refined(walker);
                }
            }
        } catch (ModelException e) {
            throw new StageException("gait/bouts@v1: pose inference failed: " + e.getMessage(), e);
        }
        walker = facing.correct(walker, t);
        long posed = System.nanoTime();
        phases.add(Phase.INFERENCE, posed - start);
        footMotion.measure(bgr, walker == null ? null : walker.pose(), motion);
        boolean wasInBout = segmenter.inBout();
        FinishedBout done = segmenter.accept(t, walker, motion);
        if (done != null) {
            out = add(out, finished(done, frame, t));
        }
        if (segmenter.inBout() && (!wasInBout || done != null) && open == null) {
            Instant at = instant(segmenter.boutStart(), t, frame.capturedAt());
            open = new OpenSession(session, id + "/" + session + "/" + at.toEpochMilli(), at, 0);
            out = add(out, List.of(PipelineAlert.of(frame, model, open.eventId(), PipelineAlert.Type.NEW, ALERT_KIND,
                    PipelineAlert.Severity.INFO, "gait session " + session + " started. " + GaitScore.DISCLAIMER,
                    at, null, List.of())));
        }
        skeleton.set(walker == null ? null : skeletonOf(frame, walker, people.size()));
        phases.add(Phase.RULES, System.nanoTime() - posed);
        return out == null ? List.of() : out;
    }

    @Override
    public List<PipelineResult> endOfStream(Instant now) {
        List<PipelineResult> out = new ArrayList<>();
        FrameRef none = FrameRef.none(camera, now);
        footMotion.reset();
        FinishedBout done = segmenter.finish(BoutEnd.END_OF_STREAM);
        if (done != null) {
            out.addAll(finished(done, none, lastT));
        }
        out.addAll(endSession(none, now));
        if (!requestedSession.equals(session)) {
            session = requestedSession;
        }
        return out;
    }

    private List<PipelineResult> changeSession(FrameRef frame) {
        List<PipelineResult> out = new ArrayList<>();
        FinishedBout done = segmenter.finish(BoutEnd.SESSION_CHANGED);
        if (done != null) {
            out.addAll(finished(done, frame, lastT));
        }
        out.addAll(endSession(frame, frame.capturedAt()));
        LOG.info("Gait pipeline {}: session {} -> {}", id, session, requestedSession);
        session = requestedSession;
        return out;
    }

    private List<PipelineResult> endSession(FrameRef frame, Instant at) {
        if (open == null) {
            return List.of();
        }
        PipelineAlert end = PipelineAlert.of(frame, model, open.eventId(), PipelineAlert.Type.END, ALERT_KIND,
                PipelineAlert.Severity.INFO, "gait session " + open.session() + " ended after " + open.bouts()
                        + " bouts", open.startedAt(), at.isBefore(open.startedAt()) ? open.startedAt() : at,
                List.of(new PipelineAlert.Value("bouts", open.bouts(), null)));
        open = null;
        return List.of(end);
    }

    /** The result (and the session alert's update) of a finished bout; none when it is too short to measure. */
    private List<PipelineResult> finished(FinishedBout b, FrameRef frame, double now) {
        if (b.series().size() < 3) {
            dropped.incrementAndGet();
            return List.of();
        }
        GaitMeasurer.Measurement measured = measurer.measure(b.series());
        BoutAnalysis a = measured.analysis();
        if (a.parameters().steps() < settings.bouts().minSteps() && a.parameters().freezing().isEmpty()
                && a.durationS() < MIN_REPORTED_S) {
            dropped.incrementAndGet();
            LOG.debug("Gait pipeline {}: bout of {} s with {} heel strikes dropped (minSteps {})", id,
                    a.durationS(), a.parameters().steps(), settings.bouts().minSteps());
            return List.of();
        }
        GaitScore score = measured.score();
        Instant startedAt = instant(b.startS(), now, lastAt);
        Instant endedAt = instant(b.endS(), now, lastAt);
        String boutId = id.replaceAll("[^A-Za-z0-9._-]", "_") + "-" + startedAt.toEpochMilli() + "-" + (++bouts);
        if (boutId.length() > 64) {
            boutId = boutId.substring(boutId.length() - 64);
        }
        GaitResult result = new GaitResult(frame, 0, null, 0, model, session, boutId, b.trackId(), startedAt, endedAt,
                a.durationS(), b.end(), a.view(), a.viewDecided(), a.parameters(), score, a.lowerBody(),
                a.upperBody(), b.frames() == 0 ? 0 : b.partialFrames() / (double) b.frames(), b.partialNote(),
                GaitScore.DISCLAIMER);
        scored.incrementAndGet();
        last.set(result);
        trends.add(BoutSummary.of(result));
        if (store != null && settings.privacy().storeKeypoints() && !store.save(session, boutId, b.series())) {
            LOG.warn("Gait pipeline {}: keypoints of bout {} not stored (store queue full or closed)", id, boutId);
        }
        List<PipelineResult> out = new ArrayList<>(2);
        out.add(result);
        if (open != null) {
            open = new OpenSession(open.session(), open.eventId(), open.startedAt(), open.bouts() + 1);
            out.add(PipelineAlert.of(frame, model, open.eventId(), PipelineAlert.Type.UPDATE, ALERT_KIND,
                    PipelineAlert.Severity.INFO, "gait session " + session + ": bout " + open.bouts() + " scored "
                            + (score.score() == null ? "-" : score.score()) + ". " + GaitScore.DISCLAIMER,
                    open.startedAt(), null, List.of(new PipelineAlert.Value("bouts", open.bouts(), null),
                            new PipelineAlert.Value("score", score.score() == null ? Double.NaN : score.score(), null),
                            new PipelineAlert.Value("confidence", score.confidence(), null))));
        }
        return out;
    }

    private static Instant instant(double t, double now, Instant nowAt) {
        return nowAt.minusNanos(Math.round((now - t) * 1e9));
    }

    private static List<PipelineResult> add(List<PipelineResult> out, List<? extends PipelineResult> more) {
        if (more.isEmpty()) {
            return out;
        }
        List<PipelineResult> list = out == null ? new ArrayList<>(2) : out;
        list.addAll(more);
        return list;
    }

    private Skeleton skeletonOf(FrameRef frame, TrackedPerson walker, int people) {
        PersonPose p = walker.pose();
        List<Keypoint> keypoints = new ArrayList<>(Joints.COUNT);
        for (int j = 0; j < Joints.COUNT; j++) {
            keypoints.add(new Keypoint(p.x()[j], p.y()[j], Float.isNaN(p.x()[j]) ? 0f : p.score()[j]));
        }
        return new Skeleton(frame, walker.trackId(), keypoints, p.partial(), segmenter.inBout(), people);
    }

    /**
     * Closes the pose source, the buffers of the feet's motion and the keypoint store (after its queued writes).
     * Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        source.close();
        footMotion.close();
        if (store != null) {
            store.close();
        }
    }

    /** {@code gait/bouts@v1}: the whole per-frame work, giving none or some results per frame. */
    private final class BoutStage implements Stage<Frame, ResultBatch> {
        @Override
        public String id() {
            return "gait/bouts@v1";
        }

        @Override
        public Class<Frame> inputType() {
            return Frame.class;
        }

        @Override
        public Class<ResultBatch> outputType() {
            return ResultBatch.class;
        }

        @Override
        public ResultBatch apply(Frame frame) throws StageException {
            List<PipelineResult> results = accept(frame.mat(), FrameRef.of(frame));
            return () -> results;
        }
    }
}
