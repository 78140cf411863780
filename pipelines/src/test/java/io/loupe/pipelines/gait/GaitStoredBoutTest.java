package io.loupe.pipelines.gait;

import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.analysis.KeypointSeries;
import io.loupe.pipelines.gait.store.BoutCsv;
import io.loupe.pipelines.gait.store.KeypointStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** A bout the keypoint store wrote reads back as it was, so that it can be measured again; a damaged file is named. */
class GaitStoredBoutTest {

    private static Path stored(Path dir, KeypointSeries series) {
        try (KeypointStore store = new KeypointStore("g", dir, 30, Clock.systemUTC())) {
            assertThat(store.save("P-1", "b1", series)).isTrue();
            assertThat(store.flush(Duration.ofSeconds(10))).isTrue();
            return store.bouts("P-1").get(0);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void read_givesBackTheSavedSeries_withinTheFilesRounding_missingValuesMissing(@TempDir Path dir)
            throws Exception {
        // given a generated frontal walk with the feet's motion and the silhouette, some joints dropped
        SyntheticWalks.Walk walk = SyntheticWalks.make(5, 2, 8, GaitAccuracyTest.NOISE_BH, GaitAccuracyTest.DROPOUT)
                .get(1);
        KeypointSeries original = SyntheticWalks.walk(walk.plan(), GaitAccuracyTest.NOISE_BH,
                GaitAccuracyTest.DROPOUT, 5, true, 0, true).series();

        // when it is stored and read back
        KeypointSeries back = BoutCsv.read(stored(dir, original));

        // then every sample, joint, motion and silhouette value is there to the file's rounding
        assertThat(back.size()).isEqualTo(original.size());
        int missing = 0;
        for (int i = 0; i < original.size(); i++) {
            assertThat(back.time(i)).isCloseTo(original.time(i) - original.time(0), within(6e-5));
            for (int j = 0; j < Joints.COUNT; j++) {
                if (Float.isNaN(original.x(j, i))) {
                    missing++;
                    assertThat(back.x(j, i)).isNaN();
                    assertThat(back.score(j, i)).isZero();
                } else {
                    assertThat(back.x(j, i)).isCloseTo(original.x(j, i), within(0.051f));
                    assertThat(back.y(j, i)).isCloseTo(original.y(j, i), within(0.051f));
                    assertThat(back.score(j, i)).isCloseTo(original.score(j, i), within(0.0051f));
                }
            }
            for (int foot = 0; foot < 2; foot++) {
                if (Float.isNaN(original.footMotion(foot, i))) {
                    assertThat(back.footMotion(foot, i)).isNaN();
                } else {
                    assertThat(back.footMotion(foot, i)).isCloseTo(original.footMotion(foot, i), within(0.0051f));
                }
            }
            if (Float.isNaN(original.silhouetteBottom(i))) {
                assertThat(back.silhouetteBottom(i)).isNaN();
            } else {
                assertThat(back.silhouetteBottom(i)).isCloseTo(original.silhouetteBottom(i), within(0.051f));
            }
        }
        assertThat(missing).as("the walk has dropped joints (heels and toes at least)").isPositive();
        assertThat(back.footMotion(0, 0)).as("no motion before the first frame").isNaN();
    }

    @Test
    void readAndMeasure_givesWhatTheLiveBoutGave(@TempDir Path dir) throws Exception {
        // given generated walks, side and frontal, measured as the pipeline measures a bout that ends
        List<SyntheticWalks.Walk> walks = SyntheticWalks.make(23, 4, 8, GaitAccuracyTest.NOISE_BH,
                GaitAccuracyTest.DROPOUT);
        for (SyntheticWalks.Walk w : walks) {
            GaitMeasurer measurer = new GaitMeasurer(GaitSettings.defaults()
                    .withCalibration(new CalibrationSettings(0, 1.7, w.focalPx())));
            KeypointSeries series = SyntheticWalks.walk(w.plan(), GaitAccuracyTest.NOISE_BH, GaitAccuracyTest.DROPOUT,
                    23, true, 0, true).series();
            GaitMeasurer.Measurement live = measurer.measure(series);

            // when the stored bout is read back and measured again
            GaitMeasurer.Measurement again = measurer.measure(BoutCsv.read(stored(dir.resolve("w" + w.plan().walk()),
                    series)));

            // then view, cadence, step length and score are the live ones (the file rounds pixels to 0.1)
            assertThat(again.analysis().view()).isEqualTo(live.analysis().view());
            assertThat(again.analysis().parameters().cadenceSpm()).isNotNull()
                    .isCloseTo(live.analysis().parameters().cadenceSpm(), within(0.5));
            assertThat(again.analysis().parameters().stepLengthM()).isNotNull()
                    .isCloseTo(live.analysis().parameters().stepLengthM(), within(0.005));
            assertThat(again.score().score()).isEqualTo(live.score().score());
        }
    }

    @Test
    void read_fileFromBeforeHeelsFeetMotionAndSilhouette_readsWithThemMissing(@TempDir Path dir) throws Exception {
        StringBuilder header = new StringBuilder("t");
        StringBuilder line = new StringBuilder("0.0400");
        for (int j = 0; j < Joints.COCO; j++) {
            String name = Joints.NAMES.get(j);
            header.append(',').append(name).append("_x,").append(name).append("_y,").append(name).append("_score");
            line.append(',').append(100 + j).append(".5,200.0,0.90");
        }
        Path file = Files.writeString(dir.resolve("old.csv"), header + "\n" + line + "\n" + line.toString()
                .replaceFirst("0.0400", "0.0800") + "\n");

        KeypointSeries s = BoutCsv.read(file);

        assertThat(s.size()).isEqualTo(2);
        assertThat(s.time(1)).isCloseTo(0.08, within(1e-9));
        assertThat(s.x(Joints.RIGHT_ANKLE, 1)).isEqualTo(116.5f);
        assertThat(s.x(Joints.LEFT_HEEL, 0)).isNaN();
        assertThat(s.footMotion(0, 0)).isNaN();
        assertThat(s.silhouetteBottom(1)).isNaN();
    }

    @Test
    void read_damagedFiles_areRefusedNamingTheFileTheLineAndTheFix(@TempDir Path dir) throws Exception {
        Path good = stored(dir, SyntheticWalks.make(3, 1, 4, 0, 0).get(0).series());
        List<String> lines = Files.readAllLines(good);
        String header = lines.get(0);
        String row = lines.get(2);

        assertThatThrownBy(() -> BoutCsv.read(Files.writeString(dir.resolve("empty.csv"), "")))
                .isInstanceOf(IOException.class).hasMessageContaining("empty.csv line 1 is empty");
        assertThatThrownBy(() -> BoutCsv.read(Files.writeString(dir.resolve("extra.csv"), header + ",heart_rate\n")))
                .hasMessageContaining("extra.csv line 1: unknown column 'heart_rate'")
                .hasMessageContaining("newer Loupe");
        assertThatThrownBy(() -> BoutCsv.read(Files.writeString(dir.resolve("noknee.csv"),
                header.replace("left_knee_x,", "") + "\n")))
                .hasMessageContaining("no left_knee_x,left_knee_y,left_knee_score columns");
        assertThatThrownBy(() -> BoutCsv.read(Files.writeString(dir.resolve("cut.csv"),
                header + "\n" + row + "\n" + row.substring(0, row.length() / 2) + "\n")))
                .hasMessageContaining("cut.csv line 3 has")
                .hasMessageContaining("restore the file from a backup, or delete it");
        assertThatThrownBy(() -> BoutCsv.read(Files.writeString(dir.resolve("text.csv"),
                header + "\n" + row.replaceFirst(",[0-9.]+,", ",abc,") + "\n")))
                .hasMessageContaining("text.csv line 2 column nose_x: 'abc' is not a number");
        assertThatThrownBy(() -> BoutCsv.read(Files.writeString(dir.resolve("back.csv"),
                header + "\n" + lines.get(3) + "\n" + row + "\n")))
                .hasMessageContaining("back.csv line 3 goes back in time");
    }
}
