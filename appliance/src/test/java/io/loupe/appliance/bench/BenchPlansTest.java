package io.loupe.appliance.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.loupe.appliance.Repo;
import io.loupe.appliance.config.AppliancePlan;
import io.loupe.models.ModelSpec;
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
}
