package io.loupe.pipelines.defect.anomaly;

import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.FileNode;
import org.bytedeco.opencv.opencv_core.FileStorage;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.Locale;

/**
 * The file {@code loupe teach} writes and a defect pipeline loads ({@code anomaly.file}): an OpenCV FileStorage
 * document (YAML; matrices in base64; gzip-compressed when the name ends in {@code .gz}) with schema
 * {@value #SCHEMA}, the scorer kind, the threshold with the rule and good-score statistics behind it, and — for the
 * classical scorers — what they learnt. Written to a temporary file and moved into place, so a pipeline never reads a
 * half-written one.
 */
public final class AnomalyFile {
    public static final String SCHEMA = "loupe.anomaly/1";

    private AnomalyFile() {
    }

    /**
     * Writes a taught scorer and its threshold.
     *
     * @param scorer a {@link LearningScorer} that has learnt, or a {@link ModelAnomalyScorer}
     * @throws IOException              when the file cannot be written
     * @throws IllegalArgumentException for any other scorer
     */
    public static void write(Path file, AnomalyScorer scorer, TeachResult result, Instant taughtAt)
            throws IOException {
        AnomalyKind kind;
        if (scorer instanceof LearningScorer l) {
            kind = l.kind();
        } else if (scorer instanceof ModelAnomalyScorer) {
            kind = AnomalyKind.MODEL;
        } else {
            throw new IllegalArgumentException("cannot save scorer " + scorer.name() + " (" + scorer.getClass()
                    .getSimpleName() + "): only the shipped scorers have a file form");
        }
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        String name = file.getFileName().toString();
        String suffix = name.endsWith(".yml.gz") ? ".yml.gz" : name.endsWith(".gz") ? ".gz" : ".yml";
        Path tmp = Files.createTempFile(parent, ".teach-", suffix);
        try {
            FileStorage fs = new FileStorage(tmp.toString(), FileStorage.WRITE | FileStorage.BASE64);
            try {
                if (!fs.isOpened()) {
                    throw new IOException("OpenCV cannot write " + tmp + "; check that the folder is writable");
                }
                fs.write("schema", SCHEMA);
                fs.write("kind", kind.name().toLowerCase(Locale.ROOT));
                fs.write("scorer", scorer.name());
                fs.write("taught_at", taughtAt.toString());
                fs.write("threshold", result.threshold());
                fs.write("rule", result.rule().rule().name() + " " + (result.rule().rule()
                        == ThresholdRule.MAX_TIMES_MARGIN ? result.rule().margin() : result.rule().k()));
                fs.write("good_count", result.goodCount());
                fs.write("folds", result.folds());
                fs.write("good_min", result.min());
                fs.write("good_mean", result.mean());
                fs.write("good_std", result.std());
                fs.write("good_max", result.max());
                fs.write("model_sha256", scorer instanceof ModelAnomalyScorer m ? m.sha256() : "");
                if (scorer instanceof LearningScorer l) {
                    l.write(fs);
                }
            } finally {
                fs.release();
                fs.close();
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * Reads a taught file.
     *
     * @throws IOException              when the file is missing or OpenCV cannot parse it
     * @throws IllegalArgumentException when it is not a {@value #SCHEMA} document or a key is missing; the message
     *                                  names the file, the key and the fix (teach again)
     */
    public static TaughtAnomaly read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("no taught anomaly file at " + file.toAbsolutePath() + "; make one with: loupe teach"
                    + " --pipeline P --good DIR");
        }
        String where = file.toString();
        FileStorage fs;
        try {
            fs = new FileStorage(where, FileStorage.READ);
        } catch (RuntimeException e) {
            throw new IOException("OpenCV cannot read " + where + ": " + e.getMessage(), e);
        }
        try {
            if (!fs.isOpened()) {
                throw new IOException("OpenCV cannot open " + where + " as a FileStorage document");
            }
            String schema = text(fs, "schema", where);
            if (!SCHEMA.equals(schema)) {
                throw new IllegalArgumentException(where + " has schema '" + schema + "', expected '" + SCHEMA
                        + "'; teach again with this version");
            }
            String kindText = text(fs, "kind", where);
            AnomalyKind kind;
            try {
                kind = AnomalyKind.valueOf(kindText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(where + ": kind '" + kindText + "' is not one of template, patches,"
                        + " model; teach again with this version");
            }
            LearningScorer scorer = switch (kind) {
                case TEMPLATE -> TemplateScorer.read(fs, where);
                case PATCHES -> PatchScorer.read(fs, where);
                case MODEL -> null;
            };
            return new TaughtAnomaly(kind, scorer, number(fs, "threshold", where), text(fs, "rule", where),
                    (int) number(fs, "good_count", where), number(fs, "good_max", where),
                    text(fs, "model_sha256", where), Instant.parse(text(fs, "taught_at", where)));
        } finally {
            fs.release();
            fs.close();
        }
    }

    static double number(FileStorage fs, String key, String file) {
        try (FileNode n = node(fs, key, file)) {
            return n.asDouble();
        }
    }

    static String text(FileStorage fs, String key, String file) {
        try (FileNode n = node(fs, key, file)) {
            BytePointer p = n.isNone() ? null : n.string();
            return p == null ? "" : p.getString();
        }
    }

    static Mat mat(FileStorage fs, String key, String file) {
        try (FileNode n = node(fs, key, file)) {
            Mat m = n.mat();
            if (m == null || m.empty()) {
                throw new IllegalArgumentException(file + ": '" + key + "' is not a matrix; teach again");
            }
            return m;
        }
    }

    private static FileNode node(FileStorage fs, String key, String file) {
        FileNode n = fs.get(key);
        if (n == null || n.isNone()) {
            if (n != null) {
                n.close();
            }
            throw new IllegalArgumentException(file + " has no '" + key + "'; teach again with this version");
        }
        return n;
    }
}
