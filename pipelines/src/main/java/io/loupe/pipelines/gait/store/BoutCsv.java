package io.loupe.pipelines.gait.store;

import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.analysis.KeypointSeries;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The file format of a stored bout, written by {@link KeypointStore} and read back by {@link #read} so that a bout can
 * be measured again (after a calibration is entered, or with a newer analysis). A header line, then one line per
 * sample: {@code t} (seconds from the bout's start), {@code x,y,score} for each of {@link Joints#NAMES} (all three
 * empty where the joint is missing), then how much the left and the right foot moved in the picture since the
 * previous frame ({@link KeypointSeries#footMotion}, grey levels) and the frame row where the silhouette ends below
 * ({@link KeypointSeries#silhouetteBottom}), each empty where not measured. Pixels are written to 0.1, scores and
 * motion to 0.01, times to 0.1 ms.
 *
 * <p>Reading goes by the header's column names, so files written before a column existed still read: the heels and
 * toes, the feet's motion and the silhouette (added to the format in that order) are then missing throughout. The time
 * and the 17 COCO joints are required.
 */
public final class BoutCsv {
    static final String LEFT_MOTION = "left_foot_motion";
    static final String RIGHT_MOTION = "right_foot_motion";
    static final String SILHOUETTE = "silhouette_bottom_y";

    private BoutCsv() {
    }

    /** The header line (without its line end). */
    static String header() {
        StringBuilder header = new StringBuilder("t");
        for (String name : Joints.NAMES) {
            header.append(',').append(name).append("_x,").append(name).append("_y,").append(name).append("_score");
        }
        return header.append(',').append(LEFT_MOTION).append(',').append(RIGHT_MOTION).append(',').append(SILHOUETTE)
                .toString();
    }

    /**
     * Writes a series in this format, its times made relative to its first sample.
     *
     * @throws IOException when the writer fails
     */
    static void write(Writer w, KeypointSeries s) throws IOException {
        w.write(header());
        w.write('\n');
        double t0 = s.size() > 0 ? s.time(0) : 0;
        StringBuilder line = new StringBuilder(512);
        for (int i = 0; i < s.size(); i++) {
            line.setLength(0);
            line.append(String.format(Locale.ROOT, "%.4f", s.time(i) - t0));
            for (int j = 0; j < Joints.COUNT; j++) {
                float x = s.x(j, i);
                if (Float.isNaN(x)) {
                    line.append(",,,");
                } else {
                    line.append(String.format(Locale.ROOT, ",%.1f,%.1f,%.2f", x, s.y(j, i), s.score(j, i)));
                }
            }
            for (int foot = 0; foot < 2; foot++) {
                float m = s.footMotion(foot, i);
                line.append(Float.isNaN(m) ? "," : String.format(Locale.ROOT, ",%.2f", m));
            }
            float bottom = s.silhouetteBottom(i);
            line.append(Float.isNaN(bottom) ? "," : String.format(Locale.ROOT, ",%.1f", bottom));
            w.append(line).append('\n');
        }
    }

    /**
     * Reads a stored bout.
     *
     * @return its samples, times from 0 at the first
     * @throws IOException when the file cannot be read or is not a stored bout: the message names the file, the line
     *                     and column where it is wrong, and what to do
     */
    public static KeypointSeries read(Path file) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String head = r.readLine();
            if (head == null || head.isBlank()) {
                throw bad(file, 1, "is empty, not a bout stored by the gait pipeline's keypoint store");
            }
            Columns columns = Columns.of(file, head.strip().split(",", -1));
            KeypointSeries series = new KeypointSeries();
            float[] x = new float[Joints.COUNT];
            float[] y = new float[Joints.COUNT];
            float[] score = new float[Joints.COUNT];
            String line;
            int number = 1;
            while ((line = r.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String[] cells = line.strip().split(",", -1);
                if (cells.length != columns.count()) {
                    throw bad(file, number, "has " + cells.length + " values for the header's " + columns.count()
                            + " columns");
                }
                double t = number(file, number, columns, cells, columns.time());
                if (Double.isNaN(t)) {
                    throw bad(file, number, "has no time (column t)");
                }
                Arrays.fill(x, Float.NaN);
                Arrays.fill(y, Float.NaN);
                Arrays.fill(score, 0f);
                for (int j = 0; j < Joints.COUNT; j++) {
                    int c = columns.joint(j);
                    if (c >= 0) {
                        x[j] = (float) number(file, number, columns, cells, c);
                        y[j] = (float) number(file, number, columns, cells, c + 1);
                        double s = number(file, number, columns, cells, c + 2);
                        score[j] = Double.isNaN(s) ? 0f : (float) s;
                    }
                }
                try {
                    series.add(t, x, y, score, (float) number(file, number, columns, cells, columns.leftMotion()),
                            (float) number(file, number, columns, cells, columns.rightMotion()),
                            (float) number(file, number, columns, cells, columns.silhouette()));
                } catch (IllegalArgumentException e) {
                    throw bad(file, number, "goes back in time: " + e.getMessage());
                }
            }
            return series;
        }
    }

    /** The value of column {@code c}: NaN where the column is absent or the cell is empty. */
    private static double number(Path file, int line, Columns columns, String[] cells, int c) throws IOException {
        if (c < 0 || cells[c].isEmpty()) {
            return Double.NaN;
        }
        try {
            double v = Double.parseDouble(cells[c]);
            if (!Double.isFinite(v)) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw bad(file, line, "column " + columns.name(c) + ": '" + cells[c] + "' is not a number");
        }
    }

    private static IOException bad(Path file, int line, String what) {
        return new IOException(file + " line " + line + " " + what + "; a stored bout is written only by the"
                + " keypoint store: restore the file from a backup, or delete it");
    }

    /** Where each of the format's columns is in a file's header; -1 where a file lacks an optional one. */
    private record Columns(String[] names, int time, int[] joints, int leftMotion, int rightMotion, int silhouette) {

        static Columns of(Path file, String[] names) throws IOException {
            Map<String, Integer> at = new HashMap<>();
            Set<String> known = Set.of(header().split(","));
            for (int i = 0; i < names.length; i++) {
                if (!known.contains(names[i])) {
                    throw new IOException(file + " line 1: unknown column '" + names[i] + "'; the columns of a stored"
                            + " bout are " + header() + " (a file from a newer Loupe: measure it with that version)");
                }
                if (at.put(names[i], i) != null) {
                    throw new IOException(file + " line 1: column '" + names[i] + "' appears twice; a stored bout is"
                            + " written only by the keypoint store: restore the file from a backup, or delete it");
                }
            }
            int[] joints = new int[Joints.COUNT];
            for (int j = 0; j < Joints.COUNT; j++) {
                String name = Joints.NAMES.get(j);
                Integer x = at.get(name + "_x");
                boolean complete = x != null && Integer.valueOf(x + 1).equals(at.get(name + "_y"))
                        && Integer.valueOf(x + 2).equals(at.get(name + "_score"));
                if (!complete && (j < Joints.COCO || x != null)) {
                    throw new IOException(file + " line 1: no " + name + "_x," + name + "_y," + name + "_score"
                            + " columns in that order; the header of a stored bout is " + header());
                }
                joints[j] = complete ? x : -1;
            }
            Integer time = at.get("t");
            if (time == null) {
                throw new IOException(file + " line 1: no column t (the time); the header of a stored bout is "
                        + header());
            }
            return new Columns(names, time, joints, at.getOrDefault(LEFT_MOTION, -1),
                    at.getOrDefault(RIGHT_MOTION, -1), at.getOrDefault(SILHOUETTE, -1));
        }

        int count() {
            return names.length;
        }

        int joint(int j) {
            return joints[j];
        }

        String name(int c) {
            return names[c];
        }
    }
}
