package io.loupe.pipelines.gait;

import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PhaseLatencies;
import io.loupe.pipelines.PipelineAlert;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.gait.analysis.KeypointSeries;
import io.loupe.pipelines.gait.store.BoutCsv;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The whole pipeline after the pose model — tracker, bout cutting, analysis, results, session alerts, the keypoint
 * store, the live skeleton and trends — on generated walks played through {@link ReplayPoseSource}.
 */
class GaitPipelineTest {
    private static final Instant BASE = Instant.parse("2026-11-27T09:00:00Z");
    private static final ModelRef MODEL = new ModelRef("replay", "replay", "1", "0".repeat(64), "CPU");
    private static SyntheticWalks.Walk side;
    private static Mat pixel;

    @BeforeAll
    static void walks() {
        side = SyntheticWalks.make(11, 1, 10, GaitAccuracyTest.NOISE_BH, GaitAccuracyTest.DROPOUT).get(0);
        pixel = new Mat(1, 1, org.bytedeco.opencv.global.opencv_core.CV_8UC3);
    }

    @AfterAll
    static void close() {
        pixel.close();
    }

    static GaitPipeline pipeline(KeypointSeries series, boolean bystander, GaitSettings settings) {
        return new GaitPipeline("gait-test", "cam", settings, new ReplayPoseSource(series, bystander), null, MODEL,
                new PhaseLatencies());
    }

    /** Plays {@code frames} frames at 25 fps from frame {@code from}; returns what they gave. */
    static List<PipelineResult> play(GaitPipeline p, int from, int frames) throws Exception {
        List<PipelineResult> out = new ArrayList<>();
        for (int i = from; i < from + frames; i++) {
            long pts = i * 40_000L;
            out.addAll(p.accept(pixel, new FrameRef("cam", i, pts, BASE.plusNanos(pts * 1000), 640, 480)));
        }
        return out;
    }

    static <T> List<T> of(List<PipelineResult> results, Class<T> type) {
        return results.stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void pipeline_walkThenWalkerLeaves_oneResultLeftViewWithSessionAlerts() throws Exception {
        // given a 10 s walk with a bystander standing beside the walkway, then 2 s with nobody but the bystander
        try (GaitPipeline p = pipeline(side.series(), true, GaitSettings.defaults())) {
            // when
            List<PipelineResult> during = play(p, 0, side.frames() + 50);
            List<PipelineResult> end = p.endOfStream(BASE.plusSeconds(20));

            // then one bout, ended because the walker left, with the session's new and update alerts, and its end
            List<GaitResult> results = of(during, GaitResult.class);
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.end()).isEqualTo(BoutEnd.LEFT_VIEW);
                assertThat(r.session()).isEqualTo("default");
                assertThat(r.trackId()).isEqualTo("T1");
                assertThat(r.durationS()).isGreaterThan(8.5);
                assertThat(r.score().score()).isEqualTo(side.plan().score());
                assertThat(r.disclaimer()).contains("Research use only").contains("not a medical device");
                assertThat(r.schema()).isEqualTo("loupe.gait.result/1");
            });
            assertThat(of(during, PipelineAlert.class)).extracting(PipelineAlert::type)
                    .containsExactly(PipelineAlert.Type.NEW, PipelineAlert.Type.UPDATE);
            assertThat(of(end, PipelineAlert.class)).singleElement().satisfies(a -> {
                assertThat(a.type()).isEqualTo(PipelineAlert.Type.END);
                assertThat(a.kind()).isEqualTo("gait_session");
                assertThat(a.eventId()).isEqualTo(of(during, PipelineAlert.class).get(0).eventId());
            });
            assertThat(of(end, GaitResult.class)).isEmpty();
            // the trend and the last result are there for the web page
            assertThat(p.lastResult()).contains(results.get(0));
            assertThat(p.trend("default")).singleElement().satisfies(b ->
                    assertThat(b.cadenceSpm()).isEqualTo(results.get(0).parameters().cadenceSpm()));
            // and the running numbers for the retained stats topic
            GaitStats stats = p.gaitStats();
            assertThat(stats.schema()).isEqualTo("loupe.gait.stats/1");
            assertThat(stats.boutsScored()).isEqualTo(1);
            assertThat(stats.lastScore()).isEqualTo(results.get(0).score().score());
            assertThat(p.stats()).contains(stats);
        }
    }

    @Test
    void pipeline_liveSkeleton_isTheWalkerInFramePixelsWithTheFrameSize() throws Exception {
        try (GaitPipeline p = pipeline(side.series(), true, GaitSettings.defaults())) {
            play(p, 0, 30);

            Skeleton s = p.skeleton().orElseThrow();
            assertThat(s.frame().seq()).isEqualTo(29);
            assertThat(s.frame().width()).isEqualTo(640);
            assertThat(s.frame().height()).isEqualTo(480);
            assertThat(s.keypoints()).hasSize(Skeleton.NAMES.size());
            assertThat(s.keypoints().get(15).x()).isCloseTo(side.series().x(15, 29),
                    org.assertj.core.data.Offset.offset(0.01f));
            assertThat(s.people()).isEqualTo(2);
            assertThat(s.trackId()).isEqualTo("T1");
        }
    }

    @Test
    void pipeline_walkerStandsStill_boutEndsStoppedBeforeTheStreamEnds() throws Exception {
        // given the walk, then the walker standing still (last pose repeated) for 6 s
        KeypointSeries series = side.series().copy();
        int last = series.size() - 1;
        float[] x = new float[21];
        float[] y = new float[21];
        float[] s = new float[21];
        for (int j = 0; j < 21; j++) {
            x[j] = series.x(j, last);
            y[j] = series.y(j, last);
            s[j] = series.score(j, last);
        }
        for (int i = 1; i <= 150; i++) {
            series.add(series.time(last) + i * 0.04, x, y, s);
        }
        try (GaitPipeline p = pipeline(series, false, GaitSettings.defaults())) {
            // when
            List<GaitResult> results = of(play(p, 0, series.size()), GaitResult.class);

            // then the bout ended on its own, its still tail cut
            assertThat(results).singleElement().satisfies(r -> {
                assertThat(r.end()).isEqualTo(BoutEnd.STOPPED);
                assertThat(r.durationS()).isLessThan(side.frames() / 25.0 + 1.0);
            });
            assertThat(of(p.endOfStream(BASE.plusSeconds(30)), GaitResult.class)).isEmpty();
        }
    }

    @Test
    void pipeline_endOfStreamDuringABout_closesItCleanly() throws Exception {
        try (GaitPipeline p = pipeline(side.series(), false, GaitSettings.defaults())) {
            assertThat(of(play(p, 0, side.frames()), GaitResult.class)).isEmpty();

            List<PipelineResult> end = p.endOfStream(BASE.plusSeconds(11));

            assertThat(of(end, GaitResult.class)).singleElement().satisfies(r -> {
                assertThat(r.end()).isEqualTo(BoutEnd.END_OF_STREAM);
                assertThat(r.frame().present()).isFalse();
            });
            assertThat(of(end, PipelineAlert.class)).extracting(PipelineAlert::type)
                    .containsExactly(PipelineAlert.Type.UPDATE, PipelineAlert.Type.END);
        }
    }

    @Test
    void pipeline_sessionSetByCommand_endsTheOldSessionAndAttributesTheNextBout() throws Exception {
        try (GaitPipeline p = pipeline(side.series(), false, GaitSettings.defaults())) {
            // given half the walk under the default session
            List<PipelineResult> first = play(p, 0, 125);

            // when the session is set and the walk goes on
            p.setSession("P-0042");
            List<PipelineResult> second = play(p, 125, side.frames() - 125);
            second.addAll(p.endOfStream(BASE.plusSeconds(12)));

            // then the first half is a bout of the old session, its alert ends, and the rest belongs to the new one
            List<GaitResult> results = new ArrayList<>(of(first, GaitResult.class));
            results.addAll(of(second, GaitResult.class));
            assertThat(results).extracting(GaitResult::session).containsExactly("default", "P-0042");
            assertThat(results.get(0).end()).isEqualTo(BoutEnd.SESSION_CHANGED);
            List<PipelineAlert> alerts = new ArrayList<>(of(first, PipelineAlert.class));
            alerts.addAll(of(second, PipelineAlert.class));
            assertThat(alerts).extracting(a -> a.type() + " " + a.eventId().contains("P-0042")).containsExactly(
                    "NEW false", "UPDATE false", "END false", "NEW true", "UPDATE true", "END true");
            assertThat(p.trend("P-0042")).hasSize(1);
            assertThat(p.sessions()).containsExactly("default", "P-0042");
        }
    }

    @Test
    void pipeline_invalidSessionId_isRefusedWithTheRule() {
        try (GaitPipeline p = pipeline(side.series(), false, GaitSettings.defaults())) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> p.setSession("../etc"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../etc'")
                    .hasMessageContaining("A-Z a-z 0-9");
            assertThat(p.session()).isEqualTo("default");
        }
    }

    @Test
    void pipeline_storeKeypoints_writesTheBoutAndDeletesTheSessionOnCommand(@TempDir Path dir) throws Exception {
        GaitSettings settings = GaitSettings.defaults().withPrivacy(new PrivacySettings(false, true, dir, 30, true, ""));
        try (io.loupe.pipelines.gait.store.KeypointStore store = new io.loupe.pipelines.gait.store.KeypointStore(
                "gait-test", dir, 30, java.time.Clock.systemUTC());
             GaitPipeline p = new GaitPipeline("gait-test", "cam", settings,
                     new ReplayPoseSource(side.series(), false), store, MODEL, new PhaseLatencies())) {
            p.setSession("P-7");
            List<PipelineResult> results = new ArrayList<>(play(p, 0, side.frames()));
            results.addAll(p.endOfStream(BASE.plusSeconds(11)));
            assertThat(store.flush(Duration.ofSeconds(10))).isTrue();

            // then one CSV of the bout under the session, header first, one line per frame
            List<Path> bouts = store.bouts("P-7");
            assertThat(bouts).singleElement().satisfies(f -> {
                List<String> lines = Files.readAllLines(f);
                assertThat(lines.get(0)).startsWith("t,nose_x,nose_y,nose_score");
                assertThat(lines.size() - 1).isBetween(side.frames() - 30, side.frames());
            });
            // and, read back and measured again, it gives what the pipeline published
            GaitResult published = of(results, GaitResult.class).get(0);
            GaitMeasurer.Measurement again = new GaitMeasurer(settings).measure(BoutCsv.read(bouts.get(0)));
            assertThat(again.analysis().parameters().cadenceSpm()).isNotNull()
                    .isCloseTo(published.parameters().cadenceSpm(), within(0.5));
            assertThat(again.analysis().parameters().stepLengthBh())
                    .isCloseTo(published.parameters().stepLengthBh(), within(0.002));
            assertThat(again.score().score()).isEqualTo(published.score().score());

            // when the session's keypoints are deleted
            int deleted = p.deleteKeypoints("P-7");

            // then its files and its trend are gone
            assertThat(deleted).isEqualTo(1);
            assertThat(store.bouts("P-7")).isEmpty();
            assertThat(p.trend("P-7")).isEmpty();
        }
    }

    @Test
    void storingSwitchedOff_keypointsStoredBefore_stillExpireAndAreDeletedOnRequest_noneAreAdded(@TempDir Path dir)
            throws Exception {
        // given a keypoint folder from when storing was on: a bout past the one day of retention and a recent one
        Files.createDirectories(dir.resolve("P-1"));
        Path old = Files.writeString(dir.resolve("P-1/old.csv"), "t\n");
        Path recent = Files.writeString(dir.resolve("P-1/recent.csv"), "t\n");
        Files.setLastModifiedTime(old, java.nio.file.attribute.FileTime.from(Instant.now().minus(Duration.ofDays(2))));
        GaitSettings off = GaitSettings.defaults().withPrivacy(new PrivacySettings(false, false, dir, 1, true, ""));

        // when a pipeline with storing off but the folder kept runs a bout of session P-1 and is asked to delete it
        try (GaitPipeline p = new GaitPipelineFactory().create(io.loupe.pipelines.PipelineContext.of("gait", "cam"),
                new ReplayPoseSource(side.series(), false), MODEL, off)) {
            p.setSession("P-1");
            List<PipelineResult> results = new ArrayList<>(play(p, 0, side.frames()));
            results.addAll(p.endOfStream(BASE.plusSeconds(11)));
            assertThat(p.store()).isPresent();
            assertThat(p.store().get().flush(Duration.ofSeconds(10))).isTrue();
            assertThat(of(results, GaitResult.class)).isNotEmpty();

            // then the old bout expired, the bout just measured was not stored, and the recent one is deleted
            assertThat(Files.exists(old)).as("past retention").isFalse();
            assertThat(p.store().get().bouts("P-1")).containsExactly(recent.toAbsolutePath().normalize());
            assertThat(p.deleteKeypoints("P-1")).isEqualTo(1);
            assertThat(Files.exists(recent)).isFalse();
        }
    }

    @Test
    void pipeline_close_isIdempotentAndClosesThePoseSource() {
        ReplayPoseSource source = new ReplayPoseSource(side.series(), false);
        GaitPipeline p = new GaitPipeline("gait-test", "cam", GaitSettings.defaults(), source, null, MODEL,
                new PhaseLatencies());
        p.close();
        p.close();
        assertThat(source.closed()).isTrue();
    }
}
