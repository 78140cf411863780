package io.loupe.samples.defect;

import static org.bytedeco.opencv.global.opencv_core.countNonZero;
import static org.bytedeco.opencv.global.opencv_core.absdiff;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.loupe.samples.TestPaths;
import io.loupe.samples.Videos;
import io.loupe.samples.core.Box;
import io.loupe.samples.core.SceneRequest;
import io.loupe.samples.core.SceneSummary;
import io.loupe.samples.core.Seeds;
import io.loupe.samples.defect.truth.DefectClass;
import io.loupe.samples.defect.truth.DefectGroundTruth;
import io.loupe.samples.defect.truth.DefectInFrame;
import io.loupe.samples.defect.truth.DefectTruth;
import io.loupe.samples.defect.truth.FrameTruth;
import io.loupe.samples.defect.truth.GroundTruthFiles;
import io.loupe.samples.defect.truth.PartInFrame;
import io.loupe.samples.defect.truth.PartTruth;
import io.loupe.samples.defect.truth.Verdict;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefectSceneGeneratorTest {

    private static final ConveyorLayout LAYOUT = ConveyorLayout.standard();

    @TempDir
    Path tmp;

    private static SceneSummary generate(Path out, long seed, int seconds, boolean yolo, int good) throws IOException {
        return new DefectSceneGenerator().generate(new SceneRequest(out, seed, seconds, yolo, good));
    }

    @Test
    void generate_sameSeedTwice_givesByteIdenticalGroundTruthAndIdenticalFirstFrames() throws Exception {
        // given two runs from seed 5
        generate(tmp.resolve("a"), 5, 2, false, 0);
        generate(tmp.resolve("b"), 5, 2, false, 0);
        // then the ground truth is the same, byte for byte, and so are the decoded first frames
        assertArrayEquals(Files.readAllBytes(tmp.resolve("a/ground-truth.json")),
                Files.readAllBytes(tmp.resolve("b/ground-truth.json")));
        List<Mat> a = Videos.firstFrames(tmp.resolve("a/conveyor.mp4"), 5);
        List<Mat> b = Videos.firstFrames(tmp.resolve("b/conveyor.mp4"), 5);
        assertEquals(5, a.size());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(0, differingValues(a.get(i), b.get(i)), "decoded frame " + i + " differs between runs");
        }
    }

    @Test
    void generate_differentSeeds_giveDifferentScenes() throws Exception {
        generate(tmp.resolve("a"), 5, 1, false, 0);
        generate(tmp.resolve("b"), 6, 1, false, 0);
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(tmp.resolve("a/ground-truth.json")),
                Files.readAllBytes(tmp.resolve("b/ground-truth.json"))));
        Mat a = Videos.firstFrames(tmp.resolve("a/conveyor.mp4"), 1).get(0);
        Mat b = Videos.firstFrames(tmp.resolve("b/conveyor.mp4"), 1).get(0);
        assertTrue(differingValues(a, b) > a.total() / 10, "first frames of seeds 5 and 6 should differ widely");
    }

    @Test
    void video_decodes_toTheExpectedFrameCountAndSize() throws Exception {
        SceneSummary summary = generate(tmp, 3, 2, false, 0);
        Videos.Info info = Videos.decode(tmp.resolve(DefectSceneGenerator.VIDEO), (frame, index) -> { });
        assertEquals(50, summary.frames());
        assertEquals(new Videos.Info(50, 640, 480, 25.0), info);
        DefectGroundTruth truth = GroundTruthFiles.read(tmp.resolve(DefectSceneGenerator.TRUTH));
        assertEquals(50, truth.frames().size());
        assertEquals(50, truth.video().frames());
    }

    @Test
    void groundTruth_boxes_lieInsideTheFrameAndInsideTheirPart() throws Exception {
        // given a scene long enough to carry defects
        generate(tmp, 9, 8, false, 0);
        DefectGroundTruth truth = GroundTruthFiles.read(tmp.resolve(DefectSceneGenerator.TRUTH));
        Map<Integer, PartTruth> parts = truth.parts().stream()
                .collect(Collectors.toMap(PartTruth::id, Function.identity()));
        Box frameBox = new Box(0, 0, truth.video().width(), truth.video().height());
        int defectsSeen = 0;
        // then every box is inside the frame, every defect inside its part, and truncation is said right
        for (FrameTruth frame : truth.frames()) {
            Map<Integer, PartInFrame> inFrame = frame.parts().stream()
                    .collect(Collectors.toMap(PartInFrame::id, Function.identity()));
            for (PartInFrame part : frame.parts()) {
                PartTruth whole = parts.get(part.id());
                assertTrue(frameBox.contains(part.box()) && !part.box().isEmpty(), part + " in frame " + frame.index());
                boolean full = part.box().width() == whole.width() && part.box().height() == whole.height();
                assertEquals(!full, part.truncated(), part + " in frame " + frame.index());
            }
            for (DefectInFrame defect : frame.defects()) {
                PartInFrame part = inFrame.get(defect.part());
                assertTrue(part != null, "defect " + defect + " of a part not in frame " + frame.index());
                assertTrue(frameBox.contains(defect.box()), defect + " in frame " + frame.index());
                assertTrue(part.box().contains(defect.box()), defect + " outside " + part + " in frame " + frame.index());
                defectsSeen++;
            }
        }
        for (PartTruth part : truth.parts()) {
            Box local = new Box(0, 0, part.width(), part.height());
            assertEquals(part.defects().isEmpty() ? Verdict.OK : Verdict.NG, part.verdict());
            for (DefectTruth defect : part.defects()) {
                assertTrue(local.contains(defect.box()) && !defect.box().isEmpty(), defect + " of part " + part.id());
            }
        }
        assertTrue(defectsSeen > 0, "an 8-second scene from seed 9 should show defects");
    }

    @Test
    void plan_manyParts_aboutFortyPercentDefectiveWithEveryClass() {
        List<PartPlan> parts = ConveyorPlanner.plan(LAYOUT, 25 * 600, Seeds.random(1, "defect/parts"));
        long ng = parts.stream().filter(p -> p.verdict() == Verdict.NG).count();
        double share = (double) ng / parts.size();
        Set<DefectClass> classes = parts.stream().flatMap(p -> p.defects().stream()).map(m -> m.type())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(DefectClass.class)));
        assertTrue(parts.size() > 400, "600 s should bring hundreds of parts, got " + parts.size());
        assertTrue(share > 0.35 && share < 0.45, "defective share " + share);
        assertEquals(EnumSet.allOf(DefectClass.class), classes);
        for (PartPlan part : parts) {
            part.defects().forEach(d -> assertTrue(part.insideOutline(d.extent(), 0), d + " sticks out of " + part));
        }
    }

    @Test
    void generate_withoutFlags_writesOnlyVideoAndGroundTruth() throws Exception {
        SceneSummary summary = generate(tmp, 4, 1, false, 0);
        assertEquals(List.of(tmp.resolve("conveyor.mp4"), tmp.resolve("ground-truth.json")), summary.files());
        try (Stream<Path> files = Files.list(tmp)) {
            assertEquals(Set.of("conveyor.mp4", "ground-truth.json"),
                    files.map(p -> p.getFileName().toString()).collect(Collectors.toSet()));
        }
    }

    @Test
    void generate_withYoloAndGood_writesLabelsForEveryFrameAndGoodPartImages() throws Exception {
        generate(tmp, 4, 1, true, 2);
        DefectGroundTruth truth = GroundTruthFiles.read(tmp.resolve(DefectSceneGenerator.TRUTH));
        for (FrameTruth frame : truth.frames()) {
            String name = String.format("frame_%05d", frame.index());
            assertTrue(Files.isRegularFile(tmp.resolve("yolo/images/" + name + ".jpg")), name);
            List<String> lines = Files.readAllLines(tmp.resolve("yolo/labels/" + name + ".txt"));
            assertEquals(frame.defects().size(), lines.size(), name);
            for (String line : lines) {
                String[] f = line.split(" ");
                assertEquals(5, f.length, line);
                for (int i = 1; i < 5; i++) {
                    double v = Double.parseDouble(f[i]);
                    assertTrue(v >= 0 && v <= 1, line);
                }
            }
        }
        assertTrue(Files.readString(tmp.resolve("yolo/data.yaml")).contains("3: missing"));
        for (String good : List.of("good/good_0001.png", "good/good_0002.png")) {
            assertTrue(Files.size(tmp.resolve(good)) > 10_000, good);
        }
    }

    @Test
    void committedDemoSet_isWhatTheGeneratorMakesFromSeed42() throws Exception {
        // given the committed ground truth
        Path committed = TestPaths.require(TestPaths.demoScene().resolve(DefectSceneGenerator.TRUTH),
                "the committed demo scene's ground truth");
        // when the scene is generated again as its README says
        generate(tmp, 42, 24, false, 0);
        // then it is the same, byte for byte: the demo set is reproducible from the command in its README
        assertEquals(Files.readString(committed), Files.readString(tmp.resolve(DefectSceneGenerator.TRUTH)),
                "sample-data/defect is stale: regenerate it with the command in its README.md");
    }

    private static long differingValues(Mat a, Mat b) {
        try (Mat diff = new Mat()) {
            absdiff(a, b, diff);
            try (Mat single = diff.reshape(1, 0)) {
                return countNonZero(single);
            }
        }
    }
}
