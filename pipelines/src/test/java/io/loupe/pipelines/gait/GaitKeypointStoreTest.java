package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.analysis.KeypointSeries;
import io.loupe.pipelines.gait.store.KeypointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Stored keypoints are personal data: kept per session, deleted by age and on command. */
class GaitKeypointStoreTest {

    private static KeypointSeries series(int n) {
        KeypointSeries s = new KeypointSeries();
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] sc = new float[Joints.COUNT];
        Arrays.fill(x, 100f);
        Arrays.fill(y, 200f);
        Arrays.fill(sc, 0.9f);
        x[Joints.NOSE] = Float.NaN;
        for (int i = 0; i < n; i++) {
            s.add(i * 0.04, x, y, sc, i == 0 ? Float.NaN : 1.25f * i, 0.5f, i == 1 ? Float.NaN : 400.25f);
        }
        return s;
    }

    @Test
    void save_writesOneCsvPerBoutUnderItsSession_missingJointsUnmeasuredFeetAndSilhouetteEmpty(@TempDir Path dir)
            throws Exception {
        try (KeypointStore store = new KeypointStore("g", dir, 30, Clock.systemUTC())) {
            assertThat(store.save("P-1", "b1", series(5))).isTrue();
            assertThat(store.flush(Duration.ofSeconds(5))).isTrue();

            Path file = dir.resolve("P-1/b1.csv");
            assertThat(Files.readAllLines(file)).hasSize(6);
            List<String> lines = Files.readAllLines(file);
            assertThat(lines.get(0)).startsWith("t,nose_x,nose_y,nose_score,")
                    .endsWith(",left_foot_motion,right_foot_motion,silhouette_bottom_y");
            assertThat(lines.get(1)).startsWith("0.0000,,,,100.0,200.0,0.90").endsWith(",0.90,,0.50,400.3");
            assertThat(lines.get(2)).startsWith("0.0400,").endsWith(",0.90,1.25,0.50,");
            assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(1 + 3 * Joints.COUNT + 3));
            assertThat(store.sessions()).containsExactly("P-1");
            assertThat(store.written()).isEqualTo(1);
        }
    }

    @Test
    void deleteSession_removesItsBoutsAndLeavesOthers(@TempDir Path dir) throws Exception {
        try (KeypointStore store = new KeypointStore("g", dir, 30, Clock.systemUTC())) {
            store.save("P-1", "b1", series(3));
            store.save("P-1", "b2", series(3));
            store.save("P-2", "b3", series(3));

            int deleted = store.deleteSession("P-1");

            assertThat(deleted).isEqualTo(2);
            assertThat(Files.exists(dir.resolve("P-1"))).isFalse();
            assertThat(store.bouts("P-2")).hasSize(1);
            assertThat(store.deleteSession("P-9")).isZero();
        }
    }

    @Test
    void retention_atStart_deletesBoutsOlderThanTheLimitOnly(@TempDir Path dir) throws Exception {
        // given an old and a recent bout on disk
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        Files.createDirectories(dir.resolve("P-1"));
        Path old = Files.writeString(dir.resolve("P-1/old.csv"), "t\n");
        Path recent = Files.writeString(dir.resolve("P-1/recent.csv"), "t\n");
        Files.setLastModifiedTime(old, FileTime.from(now.minus(Duration.ofDays(31))));
        Files.setLastModifiedTime(recent, FileTime.from(now.minus(Duration.ofDays(29))));

        // when a store with 30 days' retention opens
        try (KeypointStore store = new KeypointStore("g", dir, 30, Clock.fixed(now, ZoneOffset.UTC))) {
            assertThat(store.flush(Duration.ofSeconds(5))).isTrue();

            // then only the old one is gone
            assertThat(Files.exists(old)).isFalse();
            assertThat(Files.exists(recent)).isTrue();
        }
    }

    @Test
    void purge_removesEmptiedSessionFolders(@TempDir Path dir) throws Exception {
        Instant now = Instant.parse("2026-11-27T10:00:00Z");
        try (KeypointStore store = new KeypointStore("g", dir, 1, Clock.fixed(now, ZoneOffset.UTC))) {
            store.save("P-3", "b1", series(2));
            store.flush(Duration.ofSeconds(5));
            Files.setLastModifiedTime(dir.resolve("P-3/b1.csv"), FileTime.from(now.minus(Duration.ofDays(2))));

            assertThat(store.purge()).isEqualTo(1);
            assertThat(Files.exists(dir.resolve("P-3"))).isFalse();
        }
    }

    @Test
    void badIds_andUseAfterClose_areRefused(@TempDir Path dir) throws Exception {
        KeypointStore store = new KeypointStore("g", dir, 30, Clock.systemUTC());
        assertThatThrownBy(() -> store.save("../x", "b", series(1))).hasMessageContaining("'../x'");
        assertThatThrownBy(() -> store.deleteSession("..")).hasMessageContaining("'..'");
        store.close();
        store.close();
        assertThat(store.save("P-1", "b", series(1))).isFalse();
        assertThatThrownBy(() -> store.deleteSession("P-1")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("closed");
    }
}
