package io.loupe.appliance.config;

import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.MailboxPolicy;
import io.loupe.camera.file.FileSourceFactory;
import io.loupe.models.Model;
import io.loupe.models.ModelException;
import io.loupe.models.ModelSpec;
import io.loupe.models.runtime.OrtRuntime;
import io.loupe.pipelines.ModelCatalog;
import io.loupe.pipelines.PipelineFactory;
import io.loupe.pipelines.PipelineRegistry;
import io.loupe.pipelines.PipelineSettings;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Checks a bound configuration across sections (references between pipelines, cameras and models; camera URLs; model
 * files; pipeline settings against their type) and resolves it into an {@link AppliancePlan}. Every problem is reported
 * at once.
 */
public final class ConfigValidator {
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]*");
    private static final List<String> BROKER_SCHEMES = List.of("tcp", "ssl", "ws", "wss");
    private static final Duration MIN_NATIVE_TRIM = Duration.ofSeconds(1);

    private final FrameSourceRegistry sources;
    private final PipelineRegistry pipelineTypes;

    public ConfigValidator(FrameSourceRegistry sources, PipelineRegistry pipelineTypes) {
        this.sources = sources;
        this.pipelineTypes = pipelineTypes;
    }

    /** A validator with the default camera drivers and pipeline types, as the appliance runs them. */
    public static ConfigValidator withDefaults() {
        return new ConfigValidator(FrameSourceRegistry.withDefaults(), PipelineRegistry.withDefaults());
    }

    /**
     * Reads the configuration file and checks it with the default camera drivers and pipeline types, as a start, a
     * reload and every command that reads the configuration do.
     *
     * @param loadModels also load every model (see {@link #validate})
     * @throws ConfigException when the file cannot be read or bound, or listing every problem
     */
    public static AppliancePlan check(Path file, boolean loadModels) throws ConfigException {
        return withDefaults().validate(file, ConfigLoader.load(file), loadModels);
    }

    /**
     * @param loadModels also load every model (the {@code validate} command does; {@code run} loads them once itself)
     * @throws ConfigException listing every problem
     */
    public AppliancePlan validate(Path file, ApplianceConfig config, boolean loadModels) throws ConfigException {
        Path baseDir = file.toAbsolutePath().normalize().getParent();
        List<ConfigProblem> problems = new ArrayList<>();
        checkId(problems, "appliance.id", config.appliance().id());
        checkId(problems, "appliance.site", config.appliance().site());
        Duration trim = config.appliance().nativeTrim();
        if (!trim.isZero() && trim.compareTo(MIN_NATIVE_TRIM) < 0) {
            problems.add(new ConfigProblem("appliance.nativeTrim", trim.toMillis() + "ms", "a trim takes milliseconds"
                    + " and freed memory builds up over seconds: use 0 (off), or 1s or more (default "
                    + NodeConfig.NATIVE_TRIM.toSeconds() + "s)"));
        }

        Map<String, CameraSpec> cameras = new LinkedHashMap<>();
        config.cameras().forEach((id, camera) -> {
            String path = "cameras." + id;
            if (!checkId(problems, path, id) || !camera.enabled()) {
                return;
            }
            CameraSpec spec = cameraSpec(id, camera, baseDir, problems, path + ".url");
            if (spec != null) {
                String problem = sources.check(spec);
                if (problem != null) {
                    problems.add(new ConfigProblem(path + ".url", camera.url(), problem));
                } else {
                    cameras.put(id, spec);
                }
            }
        });

        Map<String, ModelSpec> models = new LinkedHashMap<>();
        config.models().forEach((id, model) -> {
            String path = "models." + id;
            if (!checkId(problems, path, id)) {
                return;
            }
            if (model.fetch() != null && !model.fetch().isBlank()) {
                String problem = ModelFetch.check(model);
                if (problem != null) {
                    problems.add(new ConfigProblem(path + ".fetch", model.fetch(), problem));
                    return;
                }
            } else if (!Files.isRegularFile(model.path())) {
                problems.add(new ConfigProblem(path + ".path", model.path().toString(), "model file not found: check the"
                        + " path (a relative path resolves against " + baseDir + ")"));
                return;
            }
            try {
                models.put(id, model.spec(id));
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(path, null, e.getMessage()));
            }
        });

        List<PipelinePlan> pipelines = new ArrayList<>();
        Map<String, ModelSpec> usedModels = new LinkedHashMap<>();
        config.pipelines().forEach((id, p) -> {
            String path = "pipelines." + id;
            if (!checkId(problems, path, id) || !p.enabled()) {
                return;
            }
            PipelineFactory<?> factory = null;
            if (!pipelineTypes.types().contains(p.type())) {
                problems.add(new ConfigProblem(path + ".type", p.type(), "unknown pipeline type: use one of "
                        + pipelineTypes.types()));
            } else {
                factory = pipelineTypes.factory(p.type());
            }
            boolean cameraOk = reference(problems, path + ".camera", p.camera(), config.cameras().keySet(), "camera");
            if (cameraOk && !config.cameras().get(p.camera()).enabled()) {
                problems.add(new ConfigProblem(path + ".camera", p.camera(), "this camera is disabled: enable it or"
                        + " disable the pipeline (enabled: false)"));
            }
            boolean modelOk = reference(problems, path + ".model", p.model(), config.models().keySet(), "model");
            MailboxPolicy mailbox = null;
            try {
                mailbox = MailboxPolicy.parse(p.mailbox());
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(path + ".mailbox", p.mailbox(), e.getMessage()));
            }
            PipelineSettings settings = factory == null ? null : settings(factory, p.settings(), baseDir, problems);
            boolean extrasOk = true;
            List<String> extras = factory == null || settings == null ? List.of() : extraModels(factory, settings);
            for (String extra : extras) {
                extrasOk &= reference(problems, path + ".settings", extra, config.models().keySet(), "model")
                        && models.containsKey(extra);
            }
            if (factory != null && settings != null && cameraOk && modelOk && extrasOk && mailbox != null
                    && cameras.containsKey(p.camera()) && models.containsKey(p.model())) {
                pipelines.add(new PipelinePlan(id, factory, settings, p.camera(), p.model(), mailbox));
                usedModels.put(p.model(), models.get(p.model()));
                extras.forEach(extra -> usedModels.put(extra, models.get(extra)));
            }
        });

        checkMqtt(config.mqtt(), problems);
        if (config.web().port() < 0 || config.web().port() > 65535) {
            problems.add(new ConfigProblem("web.port", String.valueOf(config.web().port()), "must be 0-65535"));
        }
        if (loadModels) {   // every model that is configured well is loaded, so its problems come with the others
            if (!useNativeLibraries(config.appliance(), problems)) {
                throw new ConfigException(file, problems);
            }
            checkModels(models.values(), pipelines, problems);
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(file, problems);
        }
        return new AppliancePlan(file, config, List.copyOf(cameras.values()), List.copyOf(usedModels.values()),
                List.copyOf(pipelines));
    }

    /**
     * Loads every configured model that is on disk (a MediaPipe model is fetched when the appliance starts), adding a
     * problem for each that does not load, and then one for each pipeline whose settings do not fit its models
     * ({@link PipelineFactory#checkModels}); a pipeline whose own model is not loaded here is not checked.
     */
    private static void checkModels(Iterable<ModelSpec> specs, List<PipelinePlan> pipelines,
                                    List<ConfigProblem> problems) {
        Map<String, Model> loaded = new LinkedHashMap<>();
        try {
            for (ModelSpec spec : specs) {
                if (Files.isRegularFile(spec.path())) {
                    try {
                        loaded.put(spec.id(), Model.load(spec));
                    } catch (ModelException e) {
                        problems.add(new ConfigProblem("models." + spec.id() + ".path", spec.path().toString(),
                                e.getMessage()));
                    }
                }
            }
            for (PipelinePlan p : pipelines) {
                Model model = loaded.get(p.model());
                if (model != null) {
                    checkModels(p.factory(), p, model, ModelCatalog.of(loaded), problems);
                }
            }
        } finally {
            loaded.values().forEach(Model::close);
        }
    }

    @SuppressWarnings("unchecked")
    private static <S extends PipelineSettings> void checkModels(PipelineFactory<S> factory, PipelinePlan p,
                                                                 Model model, ModelCatalog models,
                                                                 List<ConfigProblem> problems) {
        try {
            factory.checkModels(model, (S) p.settings(), models);
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem("pipelines." + p.id() + ".settings", p.model(), e.getMessage()));
        }
    }

    /**
     * Points ONNX Runtime at the configured native libraries (a JetPack build on Jetson) before any model loads.
     *
     * @return false, with the problem recorded, when they cannot be used
     */
    public static boolean useNativeLibraries(NodeConfig node, List<ConfigProblem> problems) {
        if (node.onnxruntimePath() == null) {
            return true;
        }
        try {
            OrtRuntime.useNativeLibraries(node.onnxruntimePath());
            return true;
        } catch (ModelException e) {
            problems.add(new ConfigProblem("appliance.onnxruntimePath", node.onnxruntimePath().toString(), e.getMessage()));
            return false;
        }
    }

    private static PipelineSettings settings(PipelineFactory<?> factory, RawNode node, Path baseDir,
                                             List<ConfigProblem> problems) {
        if (node == null || node.value() == null) {
            return factory.defaultSettings();
        }
        int before = problems.size();
        PipelineSettings s = new ConfigBinder(baseDir, problems).bind(node.value(), factory.settingsType(), node.path());
        return problems.size() > before ? null : s;
    }

    /** The models a pipeline type's settings name beyond the pipeline's own. */
    @SuppressWarnings("unchecked")
    private static <S extends PipelineSettings> List<String> extraModels(PipelineFactory<S> factory,
                                                                         PipelineSettings settings) {
        return List.copyOf(new java.util.TreeSet<>(factory.extraModels((S) settings)));
    }

    /**
     * Builds the camera spec; a {@code file:} URL is read by the file driver, a relative path resolving against the
     * configuration folder.
     */
    static CameraSpec cameraSpec(String id, CameraConfig camera, Path baseDir, List<ConfigProblem> problems, String path) {
        String url = camera.url().trim();
        int colon = url.indexOf(':');
        if (colon < 1) {
            problems.add(new ConfigProblem(path, url, "not a camera URL: write scheme:location, e.g."
                    + " file:videos/line.mp4, rtsp://host/stream, test:pattern"));
            return null;
        }
        String scheme = url.substring(0, colon).toLowerCase(Locale.ROOT);
        URI uri;
        if (scheme.equals("file")) {
            try {
                uri = FileSourceFactory.resolve(url, baseDir);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(path, url, e.getMessage()));
                return null;
            }
        } else {
            try {
                uri = URI.create(url);
            } catch (IllegalArgumentException e) {
                problems.add(new ConfigProblem(path, url, "not a valid URL: " + e.getMessage()));
                return null;
            }
        }
        return new CameraSpec(id, uri, camera.loop(), camera.realtime(), camera.maxFps());
    }

    private static void checkMqtt(MqttConfig mqtt, List<ConfigProblem> problems) {
        if (!mqtt.embedded()) {
            URI uri = null;
            try {
                uri = mqtt.url() == null ? null : URI.create(mqtt.url());
            } catch (IllegalArgumentException e) {
                // reported below
            }
            if (uri == null || uri.getScheme() == null || !BROKER_SCHEMES.contains(uri.getScheme().toLowerCase(Locale.ROOT))
                    || uri.getHost() == null) {
                problems.add(new ConfigProblem("mqtt.url", mqtt.url(), "not a broker URL: use embedded, or"
                        + " tcp://host:1883, ssl://host:8883, ws://host:port/path"));
            }
        } else if (mqtt.port() < 0 || mqtt.port() > 65535) {
            problems.add(new ConfigProblem("mqtt.port", String.valueOf(mqtt.port()), "must be 0-65535 (0 picks a free port)"));
        }
        try {
            io.loupe.mqtt.MqttProtocol.parse(mqtt.protocol());
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem("mqtt.protocol", mqtt.protocol(), e.getMessage()));
        }
        if (mqtt.qos() < 0 || mqtt.qos() > 2) {
            problems.add(new ConfigProblem("mqtt.qos", String.valueOf(mqtt.qos()), "must be 0, 1 or 2"));
        }
        if (mqtt.maxPending() < 1) {
            problems.add(new ConfigProblem("mqtt.maxPending", String.valueOf(mqtt.maxPending()), "must be at least 1"));
        }
    }

    private static boolean reference(List<ConfigProblem> problems, String path, String id, java.util.Set<String> known,
                                     String what) {
        if (known.contains(id)) {
            return true;
        }
        String nearest = Suggest.nearest(id, known);
        problems.add(new ConfigProblem(path, id, "no " + what + " has this id: "
                + (nearest != null ? "did you mean '" + nearest + "'?" : "define it under " + what + "s, or use one of " + known)));
        return false;
    }

    private static boolean checkId(List<ConfigProblem> problems, String path, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            problems.add(new ConfigProblem(path, id, "ids are used in MQTT topics and URLs: use letters, digits, '.', '_'"
                    + " and '-', starting with a letter or digit"));
            return false;
        }
        return true;
    }

}
