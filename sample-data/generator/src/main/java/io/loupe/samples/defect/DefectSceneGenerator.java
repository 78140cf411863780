package io.loupe.samples.defect;

import io.loupe.samples.core.Mp4Writer;
import io.loupe.samples.core.SceneGenerator;
import io.loupe.samples.core.SceneRequest;
import io.loupe.samples.core.SceneSummary;
import io.loupe.samples.core.Seeds;
import io.loupe.samples.defect.truth.DefectClass;
import io.loupe.samples.defect.truth.DefectGroundTruth;
import io.loupe.samples.defect.truth.DefectTruth;
import io.loupe.samples.defect.truth.FrameTruth;
import io.loupe.samples.defect.truth.GroundTruthFiles;
import io.loupe.samples.defect.truth.PartInFrame;
import io.loupe.samples.defect.truth.PartTruth;
import io.loupe.samples.defect.truth.Verdict;
import io.loupe.samples.defect.truth.VideoInfo;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The defect domain: writes {@code conveyor.mp4} and {@code ground-truth.json}, plus {@code yolo/} and
 * {@code good/} when asked.
 */
public final class DefectSceneGenerator implements SceneGenerator {

    /** Video file name. */
    public static final String VIDEO = "conveyor.mp4";
    /** Ground truth file name. */
    public static final String TRUTH = "ground-truth.json";
    /** Scene version: bump it whenever the same seed starts drawing a different scene. */
    public static final String SCENE_VERSION = "loupe-samples/defect-conveyor/1";
    /** H.264 through Cisco's OpenH264: JavaCV's FFmpeg has no libx264. */
    public static final String CODEC = "libopenh264";
    static final int BITRATE = 900_000;

    private static final Logger LOG = LoggerFactory.getLogger(DefectSceneGenerator.class);

    private final ConveyorLayout layout;

    public DefectSceneGenerator() {
        this(ConveyorLayout.standard());
    }

    public DefectSceneGenerator(ConveyorLayout layout) {
        this.layout = layout;
    }

    @Override
    public SceneSummary generate(SceneRequest request) throws IOException {
        Path out;
        try {
            out = Files.createDirectories(request.out());
        } catch (IOException e) {
            throw new IOException("cannot create the output folder " + request.out() + " (" + e + "); give --out a "
                    + "folder that can be created and written", e);
        }
        int frames = request.seconds() * layout.fps();
        List<PartPlan> plans = ConveyorPlanner.plan(layout, frames, Seeds.random(request.seed(), "defect/parts"));
        long beltSeed = Seeds.derive(request.seed(), "defect/belt");
        List<Path> files = new ArrayList<>();
        Path video = out.resolve(VIDEO);
        List<FrameTruth> frameTruths = new ArrayList<>(frames);
        Map<Integer, int[]> seen = new HashMap<>();
        Map<Integer, List<DefectTruth>> defects;
        YoloExporter yolo = request.yolo() ? new YoloExporter(out.resolve("yolo"), layout) : null;
        try (ConveyorRenderer renderer = new ConveyorRenderer(layout, plans, beltSeed,
                Seeds.derive(request.seed(), "defect/camera"));
             Mp4Writer writer = new Mp4Writer(video, layout.width(), layout.height(), layout.fps(), CODEC, BITRATE,
                     2 * layout.fps());
             Mat frame = new Mat()) {
            for (int f = 0; f < frames; f++) {
                FrameTruth truth = renderer.render(f, frame);
                writer.write(frame);
                if (yolo != null) {
                    yolo.write(frame, truth);
                }
                for (PartInFrame part : truth.parts()) {
                    int index = f;
                    seen.computeIfAbsent(part.id(), id -> new int[] {index, index})[1] = f;
                }
                frameTruths.add(truth);
            }
            defects = renderer.renderedDefects();
        }
        files.add(video);
        List<PartTruth> parts = new ArrayList<>();
        for (PartPlan plan : plans) {
            int[] range = seen.get(plan.id());
            if (range != null) {
                List<DefectTruth> found = defects.getOrDefault(plan.id(), List.of());
                parts.add(new PartTruth(plan.id(), plan.shape(), plan.material(), plan.width(), plan.height(),
                        range[0], range[1], plan.verdict(), found));
            }
        }
        DefectGroundTruth truth = new DefectGroundTruth(DefectGroundTruth.SCHEMA, "defect", request.seed(),
                SCENE_VERSION, new VideoInfo(VIDEO, layout.width(), layout.height(), layout.fps(), frames, CODEC),
                Arrays.asList(DefectClass.values()), parts, frameTruths);
        Path truthFile = out.resolve(TRUTH);
        GroundTruthFiles.write(truth, truthFile);
        files.add(truthFile);
        if (yolo != null) {
            files.addAll(yolo.written());
        }
        if (request.goodImages() > 0) {
            files.addAll(GoodPartExporter.export(out.resolve("good"), request.goodImages(), layout, request.seed(),
                    beltSeed));
        }
        int ng = (int) parts.stream().filter(p -> p.verdict() == Verdict.NG).count();
        LOG.info("defect scene seed {}: {} frames, {} parts ({} NG) written to {}", request.seed(), frames,
                parts.size(), ng, out);
        return new SceneSummary(frames, parts.size(), ng, files);
    }
}
