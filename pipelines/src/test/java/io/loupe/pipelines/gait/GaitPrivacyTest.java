package io.loupe.pipelines.gait;

import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PhaseLatencies;
import io.loupe.pipelines.PipelineResult;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;

import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With default settings nothing the pipeline gives out holds pixels: every result, alert, live skeleton and trend entry
 * is walked field by field (records, lists, arrays) and must hold no byte array, no OpenCV type, no image and no text
 * that looks like encoded image data.
 */
class GaitPrivacyTest {

    @Test
    void defaultSettings_resultsAlertsSkeletonAndTrends_holdNoImageData() throws Exception {
        // given a pipeline with default (private) settings and a walk
        SyntheticWalks.Walk walk = SyntheticWalks.make(11, 2, 10, 0.005, 0.03).get(1);
        List<Object> out = new ArrayList<>();
        try (Mat frame = new Mat(480, 640, org.bytedeco.opencv.global.opencv_core.CV_8UC3);
             GaitPipeline p = new GaitPipeline("gait", "cam", GaitSettings.defaults(),
                     new ReplayPoseSource(walk.series(), true), null,
                     new ModelRef("m", "m", "1", "0".repeat(64), "CPU"), new PhaseLatencies())) {
            Instant base = Instant.parse("2026-11-27T09:00:00Z");
            for (int i = 0; i < walk.frames(); i++) {
                long pts = i * 40_000L;
                out.addAll(p.accept(frame, new FrameRef("cam", i, pts, base.plusNanos(pts * 1000), 640, 480)));
                if (i == 100) {
                    out.add(p.skeleton().orElseThrow());
                }
            }
            out.addAll(p.endOfStream(base.plusSeconds(11)));
            out.addAll(p.trend("default"));
            assertThat(p.showVideo()).isFalse();
            assertThat(p.store()).isEmpty();
        }

        // then
        assertThat(out).anyMatch(GaitResult.class::isInstance);
        for (Object o : out) {
            assertNoImageData(o, o.getClass().getSimpleName(), new IdentityHashMap<>());
        }
    }

    private static void assertNoImageData(Object o, String path, Map<Object, Boolean> seen) throws Exception {
        if (o == null || seen.put(o, true) != null) {
            return;
        }
        assertThat(o).as(path).isNotInstanceOf(byte[].class);
        assertThat(o.getClass().getName()).as(path).doesNotStartWith("org.bytedeco").doesNotStartWith("java.awt");
        assertThat(o).as(path).isNotInstanceOf(java.nio.ByteBuffer.class);
        if (o instanceof CharSequence s) {
            assertThat(s.toString()).as(path).doesNotContain("/9j/").doesNotContain("iVBORw0KGgo")
                    .doesNotContain("data:image");
            assertThat(s.length()).as(path + " length").isLessThan(2000);
            return;
        }
        if (o instanceof Collection<?> c) {
            int i = 0;
            for (Object e : c) {
                assertNoImageData(e, path + "[" + i++ + "]", seen);
            }
            return;
        }
        if (o.getClass().isArray()) {
            assertThat(o.getClass().getComponentType().isPrimitive() && o.getClass().getComponentType() != byte.class
                    || !o.getClass().getComponentType().isPrimitive()).as(path).isTrue();
            if (!o.getClass().getComponentType().isPrimitive()) {
                Object[] arr = (Object[]) o;
                for (int i = 0; i < arr.length; i++) {
                    assertNoImageData(arr[i], path + "[" + i + "]", seen);
                }
            }
            return;
        }
        if (o.getClass().isRecord()) {
            for (RecordComponent c : o.getClass().getRecordComponents()) {
                assertNoImageData(c.getAccessor().invoke(o), path + "." + c.getName(), seen);
            }
        }
    }

    @Test
    void result_schemaAndDisclaimer_areAlwaysThere() {
        assertThat(GaitResult.SCHEMA).isEqualTo("loupe.gait.result/1");
        assertThat(io.loupe.pipelines.gait.analysis.GaitScore.DISCLAIMER).contains("Research use only")
                .contains("not a medical device");
        assertThat(PipelineResult.class).isAssignableFrom(GaitResult.class);
    }
}
