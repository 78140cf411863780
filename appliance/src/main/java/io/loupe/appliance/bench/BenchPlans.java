package io.loupe.appliance.bench;

import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.ApplianceConfig;
import io.loupe.appliance.config.CameraConfig;
import io.loupe.appliance.config.ConfigException;
import io.loupe.appliance.config.ConfigLoader;
import io.loupe.appliance.config.ConfigProblem;
import io.loupe.appliance.config.ConfigValidator;
import io.loupe.appliance.config.MqttConfig;
import io.loupe.appliance.config.NodeConfig;
import io.loupe.appliance.config.PipelineConfig;
import io.loupe.appliance.config.PipelinePlan;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The configurations the benchmark runs: from the user's configuration (or one written for {@code --model/--video}),
 * one pipeline and its camera, replicated to K cameras on the same model, the camera either unpaced (as fast as it
 * goes, every frame kept) or paced like a live camera (the clip's own rate, capped, newest frame kept); the embedded
 * broker on a free port, and the data folder and every file a pipeline writes (NG images, a trap's store, stored
 * keypoints: {@link io.loupe.pipelines.PipelineSettings#writingUnder}) in a scratch directory, so a benchmark never
 * touches the box's own.
 */
final class BenchPlans {
    private final Path file;
    private final ApplianceConfig base;
    private final String pipelineId;
    private final Path scratch;
    private int runs;

    private BenchPlans(Path file, ApplianceConfig base, String pipelineId, Path scratch) {
        this.file = file;
        this.base = base;
        this.pipelineId = pipelineId;
        this.scratch = scratch;
    }

    /**
     * Reads the configuration to benchmark.
     *
     * @throws ConfigException when it has problems, names no such pipeline, or its camera is not a file
     */
    static BenchPlans of(BenchOptions o, Path scratch) throws ConfigException, IOException {
        Path file = o.config() != null ? o.config() : writeConfig(o, scratch);
        ApplianceConfig base = ConfigLoader.load(file);
        String id = o.pipeline() != null ? o.pipeline()
                : base.pipelines().keySet().stream().findFirst().orElse(null);
        PipelineConfig p = id == null ? null : base.pipelines().get(id);
        if (p == null) {
            throw new ConfigException(file, List.of(new ConfigProblem("pipelines", String.valueOf(id),
                    "no such pipeline to benchmark; name one of " + base.pipelines().keySet() + " with --pipeline")));
        }
        CameraConfig camera = base.cameras().get(p.camera());
        if (camera == null || !camera.url().startsWith("file:")) {
            throw new ConfigException(file, List.of(new ConfigProblem("pipelines." + id + ".camera",
                    camera == null ? p.camera() : camera.url(), "the benchmark replays a video file: give a"
                    + " pipeline on a file: camera, or use --model M --video V")));
        }
        return new BenchPlans(file, base, id, scratch);
    }

    private static Path writeConfig(BenchOptions o, Path scratch) throws IOException {
        Path file = scratch.resolve("bench.yml");
        String yaml = """
                appliance: {id: bench, site: bench, dataDir: "%s"}
                cameras:
                  bench: {url: "file:%s", loop: true, realtime: false}
                models:
                  bench: {path: "%s"}
                pipelines:
                  bench:
                    type: defect
                    camera: bench
                    model: bench
                    mailbox: all
                    settings: {mode: frame}
                mqtt: {url: embedded, host: 127.0.0.1, port: 0}
                """.formatted(scratch.resolve("data"), o.video().toAbsolutePath().normalize(),
                o.model().toAbsolutePath().normalize());
        Files.writeString(file, yaml);
        return file;
    }

    /** The benchmarked pipeline's id in the user's configuration. */
    String pipelineId() {
        return pipelineId;
    }

    /**
     * A plan of {@code cameras} copies of the pipeline.
     *
     * @param paced  like a live camera (the clip's rate, newest frame kept) instead of as fast as it goes (every frame)
     * @param maxFps cap per camera when paced, 0 for none
     * @throws ConfigException when the derived configuration does not validate (it names what)
     */
    AppliancePlan plan(int cameras, boolean paced, double maxFps) throws ConfigException {
        PipelineConfig p = base.pipelines().get(pipelineId);
        CameraConfig c = base.cameras().get(p.camera());
        Map<String, CameraConfig> cams = new LinkedHashMap<>();
        Map<String, PipelineConfig> pipes = new LinkedHashMap<>();
        for (int i = 1; i <= cameras; i++) {
            String id = "bench-" + i;
            cams.put(id, new CameraConfig(c.url(), true, paced, paced ? maxFps : 0, true));
            pipes.put(id, new PipelineConfig(p.type(), id, p.model(), paced ? "latest" : "all", true, p.settings()));
        }
        NodeConfig node = base.appliance();
        Path data = scratch.resolve("run-" + (++runs));
        MqttConfig m = base.mqtt();
        MqttConfig mqtt = !"embedded".equals(m.url()) ? m
                : new MqttConfig(m.url(), "127.0.0.1", 0, m.clientId(), m.username(), m.password(), m.qos(),
                m.keepAliveSeconds(), m.maxPending(), m.outbox(), m.protocol(), m.topicQos(), m.tls(),
                m.cleanStart(), m.sessionExpirySeconds(), m.commandAcl());
        // Every model, not only the pipeline's own: its settings may name more (a gait pipeline's person detector);
        // the validator loads only those the pipelines use.
        ApplianceConfig config = new ApplianceConfig(new NodeConfig(node.id(), node.site(), data,
                node.onnxruntimePath(), node.nativeTrim()), cams, base.models(), pipes, mqtt, base.web());
        AppliancePlan plan = ConfigValidator.withDefaults().validate(file, config, false);
        List<PipelinePlan> scratched = plan.pipelines().stream().map(q -> new PipelinePlan(q.id(), q.factory(),
                q.settings().writingUnder(data.resolve("pipelines").resolve(q.id())), q.camera(), q.model(),
                q.mailbox())).toList();
        return new AppliancePlan(plan.file(), plan.config(), plan.cameras(), plan.models(), scratched);
    }
}
