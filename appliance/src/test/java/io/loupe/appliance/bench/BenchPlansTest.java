package io.loupe.appliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.loupe.appliance.Repo;
import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.PipelinePlan;
import io.loupe.models.ModelSpec;
import io.loupe.pipelines.defect.DefectSettings;
import io.loupe.pipelines.gait.GaitSettings;
import io.loupe.pipelines.pest.PestSettings;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The configurations the benchmark derives from the user's: what they keep, so that every pipeline type can run. */
class BenchPlansTest {
    @TempDir
    Path scratch;

    @Test
    void gaitPipeline_keepsThePersonDetectorItsSettingsName_besidesItsOwnModel() throws Exception {
        BenchOptions o = new BenchOptions(Repo.root().resolve("config/appliance.yml"), "walk1-gait", null, null, 10, 2,
                1, 0, false);

        AppliancePlan plan = BenchPlans.of(o, scratch).plan(2, false, 0);

        assertThat(plan.models()).extracting(ModelSpec::id).containsExactlyInAnyOrder("pose-landmarks",
                "pose-detector");
        assertThat(plan.pipelines()).hasSize(2);
        assertThat(plan.cameras()).hasSize(2);
    }

    @Test
    void everyPipelineType_writesUnderTheScratchFolder_neverWhereTheBoxKeepsItsData(@TempDir Path box)
            throws Exception {
        // given a configuration whose pipelines keep NG images, a trap's counts and keypoints in the box's folders
        Path config = Files.writeString(box.resolve("appliance.yml"), """
                appliance: {id: box, site: site, dataDir: "%1$s/data"}
                cameras:
                  line1: {url: "file:%2$s"}
                  trap1: {url: "file:%2$s"}
                  walk1: {url: "file:%2$s"}
                models:
                  det: {path: "%3$s"}
                  pose: {path: "%4$s"}
                pipelines:
                  line1-defects: {type: defect, camera: line1, model: det, settings: {ngImages: {dir: "%1$s/ng"}}}
                  trap1-pests: {type: pest, camera: trap1, model: det, settings: {store: "%1$s/pest.db"}}
                  walk1-gait:
                    type: gait
                    camera: walk1
                    model: pose
                    settings: {pose: {kind: yolo-pose}, privacy: {storeKeypoints: true, storeDir: "%1$s/keypoints"}}
                """.formatted(box, Repo.demoVideo(), Repo.demoModel(), Repo.root().resolve(
                "models/zoo/synthetic-pose.onnx")));

        for (String id : new String[] {"line1-defects", "trap1-pests", "walk1-gait"}) {
            BenchOptions o = new BenchOptions(config, id, null, null, 10, 2, 1, 0, false);

            // when the benchmark plans two cameras of it
            AppliancePlan plan = BenchPlans.of(o, scratch).plan(2, false, 0);

            // then each copy writes into its own folder under the scratch directory
            for (PipelinePlan p : plan.pipelines()) {
                Path written = p.settings() instanceof DefectSettings d ? d.ngImages().dir()
                        : p.settings() instanceof PestSettings t ? t.store()
                        : ((GaitSettings) p.settings()).privacy().storeDir();
                assertThat(written).as(id).startsWithRaw(scratch);
                assertThat(written.toString()).as(id).contains(p.id());
            }
        }
    }
}
