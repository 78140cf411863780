package io.loupe.appliance;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** One pipeline that cannot start never stops the others: it is shown FAILED with its reason, and they run. */
class PipelineIsolationTest {

    @Test
    void aPipelineWhoseModelFailsAndOneWhoseSettingsDoNotFitTheirModel_fail_theOtherRuns(@TempDir Path dir)
            throws Exception {
        Path notAModel = Files.writeString(dir.resolve("broken.onnx"), "not an ONNX model");
        Path config = Files.writeString(dir.resolve("appliance.yml"), """
                appliance:
                  id: isolation-box
                  site: test-site
                  dataDir: %s
                cameras:
                  line1:
                    url: file:%s
                    loop: true
                  trap1:
                    url: file:%s
                    loop: true
                  line2:
                    url: test:pattern?width=320&height=240&fps=25
                models:
                  det:
                    path: %s
                  pests:
                    path: %s
                  broken:
                    path: %s
                pipelines:
                  good:
                    type: defect
                    camera: line1
                    model: det
                  misspelt:
                    type: pest
                    camera: trap1
                    model: pests
                    settings:
                      thresholds:
                        - {species: whitefli, min: 30, per: week}
                  unloadable:
                    type: defect
                    camera: line2
                    model: broken
                mqtt:
                  url: embedded
                  port: 0
                web:
                  host: 127.0.0.1
                  port: 0
                """.formatted(dir.resolve("data"), Repo.demoVideo(), Repo.pestSeries().resolve("captures/*.jpg"),
                Repo.demoModel(), Repo.pestModel(), notAModel));

        try (Daemon daemon = Daemon.start(config)) {
            long deadline = System.nanoTime() + 20_000_000_000L;
            Map<String, PipelineView> views = views(daemon);
            while (views.get("good").processed() == 0 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                views = views(daemon);
            }

            assertThat(views.get("good").state()).isEqualTo("RUNNING");
            assertThat(views.get("good").processed()).as("frames the good pipeline processed").isPositive();
            assertThat(views.get("misspelt").state()).isEqualTo("FAILED");
            assertThat(views.get("misspelt").error()).startsWith("thresholds name 'whitefli'")
                    .contains("use one of [whitefly, aphid, thrips, fungus_gnat, moth]");
            assertThat(views.get("unloadable").state()).isEqualTo("FAILED");
            assertThat(views.get("unloadable").error()).contains("model broken failed to load")
                    .contains(notAModel.toString());
        }
    }

    private static Map<String, PipelineView> views(Daemon daemon) {
        return daemon.appliance().status().pipelines().stream()
                .collect(Collectors.toMap(PipelineView::id, Function.identity()));
    }
}
