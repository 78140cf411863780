package io.loupe.samples.pest;

import static org.bytedeco.opencv.global.opencv_core.mean;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.samples.TestPaths;
import io.loupe.samples.core.Box;
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
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PestSceneGeneratorTest {

    /** The demo series: seed 23, six captures, the card changed before the fifth. */
    static final long DEMO_SEED = 23;
    static final int DEMO_CAPTURES = 6;

    @TempDir
    static Path shared;
    static Path demo;

    @TempDir
    Path tmp;

    @BeforeAll
    static void generateTheDemoSeries() throws IOException {
        demo = shared.resolve("demo");
        generate(demo, DEMO_SEED, DEMO_CAPTURES, false);
    }

    private static SceneSummary generate(Path out, long seed, int captures, boolean yolo) throws IOException {
        return new PestSceneGenerator().generate(new SceneRequest(out, seed, 1, yolo, 0, captures));
    }

    private static List<CaptureTruth> captures(Path dir) throws IOException {
        SeriesTruth series = PestTruthFiles.readSeries(dir.resolve(PestSceneGenerator.SERIES));
        List<CaptureTruth> list = new ArrayList<>();
        for (CaptureEntry entry : series.captures()) {
            list.add(PestTruthFiles.readCapture(dir.resolve(entry.truth())));
        }
        return list;
    }

    @Test
    void generate_sameSeedTwice_givesByteIdenticalGroundTruthAndImages_andAnotherSeedDiffers() throws Exception {
        // given two series from seed 5 and one from seed 6
        generate(tmp.resolve("a"), 5, 1, false);
        generate(tmp.resolve("b"), 5, 1, false);
        generate(tmp.resolve("c"), 6, 1, false);
        // then seed 5 gives the same bytes twice, seed 6 other insects and other pixels
        for (String file : List.of("series.json", "captures/0001.json", "captures/0001.jpg")) {
            assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(file)),
                    Files.readAllBytes(tmp.resolve("b").resolve(file)), file);
        }
        for (String file : List.of("captures/0001.json", "captures/0001.jpg")) {
            assertFalse(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a").resolve(file)),
                    Files.readAllBytes(tmp.resolve("c").resolve(file))), file);
        }
    }

    @Test
    void captures_areHighResolutionJpegs_withEveryInsectBoxInsideAndEightToFortyPixels() throws Exception {
        SeriesTruth series = PestTruthFiles.readSeries(demo.resolve(PestSceneGenerator.SERIES));
        assertEquals(List.of(Species.values()), series.species());
        Set<Species> seen = EnumSet.noneOf(Species.class);
        for (CaptureEntry entry : series.captures()) {
            CaptureTruth capture = PestTruthFiles.readCapture(demo.resolve(entry.truth()));
            Mat image = imread(demo.resolve(entry.image()).toString());
            assertTrue(image.cols() >= 2000, "capture width " + image.cols());
            assertEquals(capture.width(), image.cols());
            assertEquals(capture.height(), image.rows());
            Box frame = new Box(0, 0, image.cols(), image.rows());
            for (InsectTruth insect : capture.insects()) {
                Box b = insect.box();
                int longer = Math.max(b.width(), b.height());
                assertTrue(frame.contains(b), insect + " in capture " + capture.capture());
                assertTrue(longer >= 8 && longer <= 40, insect + " is " + longer + " px");
                assertTrue(longer >= insect.species().minSize() && longer <= insect.species().maxSize(),
                        insect + " outside its species' size range");
                assertTrue(Math.min(b.width(), b.height()) >= 3, insect + " is thinner than 3 px");
                seen.add(insect.species());
            }
            image.close();
        }
        assertEquals(EnumSet.allOf(Species.class), seen, "every species should appear in the demo series");
    }

    @Test
    void series_countsNeverDecreaseExceptAtATrapChange_andArrivalsAreTheNewIds() throws Exception {
        List<CaptureTruth> captures = captures(demo);
        assertEquals(DEMO_CAPTURES, captures.size());
        CaptureTruth previous = null;
        int changes = 0;
        for (CaptureTruth capture : captures) {
            Set<Integer> before = new HashSet<>();
            if (previous != null) {
                previous.insects().forEach(i -> before.add(i.id()));
            }
            List<Integer> fresh = capture.insects().stream().map(InsectTruth::id).filter(id -> !before.contains(id))
                    .toList();
            assertEquals(fresh, capture.arrivals(), "arrivals of capture " + capture.capture());
            assertEquals(SpeciesCounts.of(capture.insects().stream().map(InsectTruth::species).toList()),
                    capture.counts());
            assertEquals(SpeciesCounts.of(capture.insects().stream().filter(i -> fresh.contains(i.id()))
                    .map(InsectTruth::species).toList()), capture.newCounts());
            if (capture.trapChanged()) {
                changes++;
                assertEquals(previous.trapPeriod() + 1, capture.trapPeriod());
                assertTrue(before.stream().noneMatch(id -> capture.insects().stream().anyMatch(i -> i.id() == id)),
                        "a new card carries none of the old insects");
                assertTrue(capture.counts().total() <= 5, "right after a change the count starts again from about 0, got "
                        + capture.counts());
            } else if (previous != null) {
                assertEquals(previous.trapPeriod(), capture.trapPeriod());
                for (Species s : Species.values()) {
                    assertTrue(capture.counts().of(s) >= previous.counts().of(s),
                            s + " fell from " + previous.counts().of(s) + " to " + capture.counts().of(s)
                                    + " in capture " + capture.capture() + " without a trap change");
                }
                assertEquals(before.size() + fresh.size(), capture.insects().size(), "no insect leaves the card");
            }
            previous = capture;
        }
        assertEquals(1, changes, "the demo series changes its card once");
    }

    @Test
    void series_insectsStayPutWithinTwoPixels_andKeepTheirSpecies() throws Exception {
        List<CaptureTruth> captures = captures(demo);
        Map<Integer, InsectTruth> last = new HashMap<>();
        int compared = 0;
        for (CaptureTruth capture : captures) {
            Map<Integer, InsectTruth> now = new HashMap<>();
            for (InsectTruth insect : capture.insects()) {
                InsectTruth before = last.get(insect.id());
                if (before != null) {
                    int dx = insect.box().x() - before.box().x();
                    int dy = insect.box().y() - before.box().y();
                    assertTrue(dx * dx + dy * dy <= 4, insect + " moved by (" + dx + ", " + dy + ")");
                    assertEquals(before.box().width(), insect.box().width());
                    assertEquals(before.box().height(), insect.box().height());
                    assertEquals(before.species(), insect.species());
                    assertEquals(before.arrived(), insect.arrived());
                    compared++;
                }
                now.put(insect.id(), insect);
            }
            last = now;
        }
        assertTrue(compared > 50, "only " + compared + " insects were seen twice");
    }

    @Test
    void insects_contrastWithTheCardTheWayTheirSpeciesDo() throws Exception {
        // given the fullest capture of the demo series
        CaptureTruth capture = captures(demo).get(3);
        Map<Species, double[]> sums = new EnumMap<>(Species.class);
        Map<Species, Integer> counts = new EnumMap<>(Species.class);
        double[] card;
        try (Mat image = imread(demo.resolve(PestSceneGenerator.CAPTURES).resolve(capture.image()).toString())) {
            try (Scalar m = mean(image)) {
                card = new double[] {m.get(0), m.get(1), m.get(2)};
            }
            for (InsectTruth insect : capture.insects()) {
                Box b = insect.box();
                try (Rect r = new Rect(b.x(), b.y(), b.width(), b.height()); Mat roi = image.apply(r);
                     Scalar m = mean(roi)) {
                    double[] s = sums.computeIfAbsent(insect.species(), k -> new double[3]);
                    for (int c = 0; c < 3; c++) {
                        s[c] += m.get(c);
                    }
                    counts.merge(insect.species(), 1, Integer::sum);
                }
            }
        }
        // then, channel by channel (B, G, R): whiteflies whiter, aphids greener, the others darker than the card
        double[] whitefly = average(sums, counts, Species.WHITEFLY);
        double[] aphid = average(sums, counts, Species.APHID);
        assertTrue(whitefly[0] > card[0] + 40, "whitefly blue " + whitefly[0] + " vs card " + card[0]);
        assertTrue(aphid[2] < card[2] - 30, "aphid red " + aphid[2] + " vs card " + card[2]);
        // a fungus gnat's box is mostly long legs and clear wings, so its box is darker by less
        Map<Species, Double> margin = Map.of(Species.THRIPS, 60.0, Species.FUNGUS_GNAT, 25.0, Species.MOTH, 60.0);
        for (Map.Entry<Species, Double> dark : margin.entrySet()) {
            double[] m = average(sums, counts, dark.getKey());
            assertTrue(m[1] + m[2] < card[1] + card[2] - dark.getValue(), dark.getKey() + " should be darker than the "
                    + "card: " + m[1] + ", " + m[2] + " vs " + card[1] + ", " + card[2]);
        }
    }

    private static double[] average(Map<Species, double[]> sums, Map<Species, Integer> counts, Species species) {
        assertTrue(counts.containsKey(species), "no " + species + " in the capture");
        double[] s = sums.get(species);
        int n = counts.get(species);
        return new double[] {s[0] / n, s[1] / n, s[2] / n};
    }

    @Test
    void yolo_writesOverlappingTilesWhoseLabelsParse_andEveryInsectIsWholeInSomeTile() throws Exception {
        // given one capture with --yolo
        generate(tmp, 8, 1, true);
        CaptureTruth capture = PestTruthFiles.readCapture(tmp.resolve("captures/0001.json"));
        List<Integer> xs = TileExporter.origins(capture.width());
        List<Integer> ys = TileExporter.origins(capture.height());
        assertEquals(List.of(0, 512, 1024, 1536, 1760), xs);
        assertEquals(List.of(0, 512, 960), ys);
        String yaml = Files.readString(tmp.resolve("yolo/data.yaml"));
        assertTrue(yaml.contains("0: whitefly") && yaml.contains("3: fungus_gnat") && yaml.contains("4: moth"), yaml);
        // then every tile has an image and a label file whose lines parse as class cx cy w h in 0..1
        int labelled = 0;
        try (Stream<Path> images = Files.list(tmp.resolve("yolo/images"))) {
            assertEquals(xs.size() * ys.size(), images.count());
        }
        for (int y : ys) {
            for (int x : xs) {
                String name = String.format("0001_x%04d_y%04d", x, y);
                try (Mat tile = imread(tmp.resolve("yolo/images/" + name + ".jpg").toString())) {
                    assertEquals(TileExporter.TILE, tile.cols());
                    assertEquals(TileExporter.TILE, tile.rows());
                }
                for (String line : Files.readAllLines(tmp.resolve("yolo/labels/" + name + ".txt"))) {
                    String[] f = line.split(" ");
                    assertEquals(5, f.length, line);
                    int cls = Integer.parseInt(f[0]);
                    assertTrue(cls >= 0 && cls < Species.values().length, line);
                    for (int i = 1; i < 5; i++) {
                        double v = Double.parseDouble(f[i]);
                        assertTrue(v >= 0 && v <= 1, line);
                    }
                    labelled++;
                }
            }
        }
        // and the debris that may pass for an insect is listed beside the labels, never as one
        int distractors = 0;
        for (int y : ys) {
            for (int x : xs) {
                String name = String.format("0001_x%04d_y%04d", x, y);
                for (String line : Files.readAllLines(tmp.resolve("yolo/distractors/" + name + ".txt"))) {
                    String[] f = line.split(" ");
                    assertEquals(5, f.length, line);
                    assertTrue(List.of("grain", "fragment", "fibre").contains(f[0]), line);
                    assertTrue(Double.parseDouble(f[1]) < 1 && Double.parseDouble(f[2]) < 1, line);
                    distractors++;
                }
            }
        }
        assertTrue(distractors > 0, "no distractor listed");
        for (InsectTruth insect : capture.insects()) {
            boolean whole = false;
            for (int y : ys) {
                for (int x : xs) {
                    whole |= new Box(x, y, TileExporter.TILE, TileExporter.TILE).contains(insect.box());
                }
            }
            assertTrue(whole, insect + " is cut by every tile");
        }
        assertTrue(labelled >= capture.insects().size(), labelled + " labels for " + capture.insects().size()
                + " insects");
    }

    @Test
    void plan_longSeries_changesFullCardsAndDrawsEverySpeciesAtItsRate() {
        List<CapturePlan> plans = TrapPlanner.plan(TrapLayout.standard(), 300, Seeds.random(3, "pest/trap"));
        int[] arrivals = new int[Species.values().length];
        int changes = 0;
        for (CapturePlan plan : plans) {
            assertTrue(plan.insects().size() <= TrapPlanner.MAX_CAPACITY + 60, "card over-full: "
                    + plan.insects().size());
            changes += plan.trapChanged() ? 1 : 0;
            Set<Integer> fresh = new HashSet<>(plan.arrivals());
            plan.insects().stream().filter(i -> fresh.contains(i.id())).forEach(i -> arrivals[i.species().ordinal()]++);
        }
        assertTrue(changes >= 20, "300 captures should change the card often, got " + changes);
        for (Species s : Species.values()) {
            double perCapture = arrivals[s.ordinal()] / 300.0;
            double rate = TrapPlanner.ARRIVAL_RATE[s.ordinal()];
            assertTrue(perCapture > rate * 0.5 && perCapture < rate * 1.5, s + ": " + perCapture + " per capture, rate "
                    + rate);
        }
    }

    @Test
    void committedDemoSet_isWhatTheGeneratorMakesFromSeed23() throws Exception {
        // given the committed ground truth
        Path committed = TestPaths.require(TestPaths.demoSet("pest").resolve(PestSceneGenerator.SERIES),
                "the committed pest demo series");
        // then the series made here from its README's command is the same, file by file
        assertEquals(Files.readString(committed), Files.readString(demo.resolve(PestSceneGenerator.SERIES)),
                "sample-data/pest is stale: regenerate it with the command in its README.md");
        for (int capture = 1; capture <= DEMO_CAPTURES; capture++) {
            String file = String.format("captures/%04d.json", capture);
            Path committedCapture = TestPaths.require(committed.resolveSibling(file), "the committed capture " + file);
            assertEquals(Files.readString(committedCapture), Files.readString(demo.resolve(file)),
                    "sample-data/pest/" + file + " is stale: regenerate it with the command in its README.md");
        }
    }
}
