package io.loupe.samples.pest;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imdecode;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

import io.loupe.samples.core.SceneGenerator;
import io.loupe.samples.core.SceneRequest;
import io.loupe.samples.core.SceneSummary;
import io.loupe.samples.core.Seeds;
import io.loupe.samples.pest.truth.CaptureEntry;
import io.loupe.samples.pest.truth.CaptureTruth;
import io.loupe.samples.pest.truth.InsectTruth;
import io.loupe.samples.pest.truth.PestTruthFiles;
import io.loupe.samples.pest.truth.SeriesTruth;
import io.loupe.samples.pest.truth.Species;
import io.loupe.samples.pest.truth.SpeciesCounts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pest domain: a time series of one yellow sticky trap. Writes {@code series.json}, {@code captures/NNNN.jpg}
 * with {@code captures/NNNN.json} per capture, and, when asked, a tiled YOLO set under {@code yolo/}.
 */
public final class PestSceneGenerator implements SceneGenerator {

    /** Series index file name. */
    public static final String SERIES = "series.json";
    /** Folder of the captures and their ground truth. */
    public static final String CAPTURES = "captures";
    /** Scene version: bump it whenever the same seed starts drawing a different series. */
    public static final String SCENE_VERSION = "loupe-samples/pest-trap/1";
    /** Captures made when the request gives no count. */
    public static final int DEFAULT_CAPTURES = 6;
    /** Most captures per run. */
    public static final int MAX_CAPTURES = 1000;
    /** The trap's id in the ground truth. */
    public static final String TRAP = "trap-1";
    /** When the first capture is taken; the rest follow at the layout's interval. */
    static final Instant FIRST_CAPTURE = Instant.parse("2026-06-01T07:00:00Z");

    private static final Logger LOG = LoggerFactory.getLogger(PestSceneGenerator.class);

    private final TrapLayout layout;

    public PestSceneGenerator() {
        this(TrapLayout.standard());
    }

    public PestSceneGenerator(TrapLayout layout) {
        this.layout = layout;
    }

    @Override
    public SceneSummary generate(SceneRequest request) throws IOException {
        int count = request.countOr(DEFAULT_CAPTURES);
        if (count > MAX_CAPTURES) {
            throw new IllegalArgumentException("a trap series has at most " + MAX_CAPTURES + " captures, got " + count);
        }
        Path out;
        Path captures;
        try {
            out = Files.createDirectories(request.out());
            captures = Files.createDirectories(out.resolve(CAPTURES));
        } catch (IOException e) {
            throw new IOException("cannot create the output folder " + request.out() + " (" + e + "); give --out a "
                    + "folder that can be created and written", e);
        }
        List<CapturePlan> plans = TrapPlanner.plan(layout, count, Seeds.random(request.seed(), "pest/trap"));
        TileExporter tiles = request.yolo() ? new TileExporter(out.resolve("yolo")) : null;
        List<Path> files = new ArrayList<>();
        List<CaptureEntry> entries = new ArrayList<>();
        Set<Integer> insects = new HashSet<>();
        Set<Integer> previous = Set.of();
        int changes = 0;
        try (CaptureRenderer renderer = new CaptureRenderer(layout, Seeds.derive(request.seed(), "pest/camera"));
             Mat image = new Mat()) {
            for (CapturePlan plan : plans) {
                List<InsectTruth> truths = renderer.render(plan, image);
                String name = String.format(Locale.ROOT, "%04d", plan.capture());
                Path jpeg = captures.resolve(name + ".jpg");
                byte[] bytes = encode(image, jpeg);
                Files.write(jpeg, bytes);
                files.add(jpeg);
                Set<Integer> now = new HashSet<>();
                truths.forEach(t -> now.add(t.id()));
                List<Integer> arrivals = new ArrayList<>();
                for (InsectTruth t : truths) {
                    if (!previous.contains(t.id())) {
                        arrivals.add(t.id());
                    }
                }
                if (!arrivals.equals(plan.arrivals())) {
                    throw new IllegalStateException("capture " + plan.capture() + ": planned arrivals "
                            + plan.arrivals() + " differ from the new ids " + arrivals);
                }
                SpeciesCounts counts = SpeciesCounts.of(truths.stream().map(InsectTruth::species).toList());
                Set<Integer> newIds = new HashSet<>(arrivals);
                SpeciesCounts fresh = SpeciesCounts.of(truths.stream().filter(t -> newIds.contains(t.id()))
                        .map(InsectTruth::species).toList());
                String time = FIRST_CAPTURE.plus(Duration.ofHours((long) layout.intervalHours() * (plan.capture() - 1)))
                        .toString();
                CaptureTruth truth = new CaptureTruth(CaptureTruth.SCHEMA, plan.capture(), name + ".jpg", time, TRAP,
                        plan.trapPeriod(), plan.trapChanged(), layout.width(), layout.height(), counts, fresh,
                        arrivals, truths);
                Path truthFile = captures.resolve(name + ".json");
                PestTruthFiles.write(truth, truthFile);
                files.add(truthFile);
                entries.add(new CaptureEntry(plan.capture(), CAPTURES + "/" + name + ".jpg",
                        CAPTURES + "/" + name + ".json", time, plan.trapPeriod(), plan.trapChanged(), counts, fresh));
                if (tiles != null) {
                    try (Mat decoded = decode(bytes, jpeg)) {
                        tiles.write(plan.capture(), decoded, truths, plan.debris());
                    }
                }
                insects.addAll(now);
                previous = now;
                changes += plan.trapChanged() ? 1 : 0;
            }
        }
        SeriesTruth series = new SeriesTruth(SeriesTruth.SCHEMA, "pest", request.seed(), SCENE_VERSION, TRAP,
                layout.width(), layout.height(), layout.pxPerMm(), layout.gridMm(), layout.intervalHours(),
                Arrays.asList(Species.values()), entries);
        Path seriesFile = out.resolve(SERIES);
        PestTruthFiles.write(series, seriesFile);
        files.add(0, seriesFile);
        if (tiles != null) {
            files.addAll(tiles.written());
        }
        LOG.info("pest scene seed {}: {} captures, {} insects, {} trap changes written to {}", request.seed(), count,
                insects.size(), changes, out);
        return new SceneSummary(count, insects.size(), changes, files);
    }

    private byte[] encode(Mat image, Path file) throws IOException {
        try (IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, layout.jpegQuality());
             BytePointer buffer = new BytePointer()) {
            if (!imencode(".jpg", image, buffer, params)) {
                throw new IOException("OpenCV could not encode " + file + " as JPEG");
            }
            byte[] bytes = new byte[(int) buffer.limit()];
            buffer.get(bytes);
            return bytes;
        }
    }

    private static Mat decode(byte[] bytes, Path file) throws IOException {
        try (Mat encoded = new Mat(bytes)) {
            Mat decoded = imdecode(encoded, IMREAD_COLOR);
            if (decoded == null || decoded.empty()) {
                throw new IOException("OpenCV could not decode its own JPEG " + file);
            }
            return decoded;
        }
    }
}
