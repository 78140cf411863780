package io.loupe.samples;

import io.loupe.samples.core.SceneRequest;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The parsed command line of {@code loupe samples}.
 *
 * @param domain     scene to make
 * @param request    what to write where
 */
public record SamplesOptions(Domain domain, SceneRequest request) {

    /** Default video length of the defect scene, seconds. */
    public static final int DEFAULT_SECONDS = 24;
    /** Longest video, seconds. */
    public static final int MAX_SECONDS = 600;
    /** Most good-part images per run. */
    public static final int MAX_GOOD = 100_000;

    /** Shortest walk, seconds: two strides even at the slowest cadence. */
    public static final int MIN_GAIT_SECONDS = 3;
    /** Longest walk, seconds: the walkway must stay in view. */
    public static final int MAX_GAIT_SECONDS = 20;

    static final String USAGE = """
            Usage: loupe samples --out DIR --seed N [--domain defect|pest|gait] [--seconds S] [--count N] [--yolo]
                                 [--good N]
              --out DIR      folder to write into (created; files of the same names are replaced)
              --seed N       master seed, a whole number: the same seed gives the same scene
              --domain NAME  scene to make: %s (default defect)
              --seconds S    defect: video length, 1..%d (default %d); gait: shortest walk, %d..%d (default %d;
                             a slow walker's walk is filmed longer, up to 3 times that, so that it
                             holds 6 straight steps besides its turn and freezes)
              --count N      pest: captures of the trap, 1..%d (default %d); gait: walks, 1..%d (default %d)
              --yolo         also write a YOLO data set under DIR/yolo (defect: frames; pest: 640x640 tiles of the
                             captures; gait: YOLO-pose frames with 17 keypoints)
              --good N       defect only: also write N still images of good parts only under DIR/good
            """.formatted(Domain.known(), MAX_SECONDS, DEFAULT_SECONDS, MIN_GAIT_SECONDS, MAX_GAIT_SECONDS,
            Domain.GAIT.defaultSeconds(), Domain.PEST.maxCount(), Domain.PEST.defaultCount(),
            Domain.GAIT.maxCount(), Domain.GAIT.defaultCount());

    private static final List<String> FLAGS = List.of("--out", "--seed", "--domain", "--seconds", "--count", "--yolo",
            "--good");

    /**
     * Parses {@code args}; accepts {@code --flag value} and {@code --flag=value}.
     *
     * @throws UsageException for a missing, unknown, repeated or malformed flag; the message names it and the fix
     */
    public static SamplesOptions parse(String[] args) throws UsageException {
        Path out = null;
        Long seed = null;
        Domain domain = Domain.DEFECT;
        Integer seconds = null;
        Integer count = null;
        boolean yolo = false;
        Integer good = null;
        Set<String> given = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String flag = arg;
            String inline = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                flag = arg.substring(0, eq);
                inline = arg.substring(eq + 1);
            }
            if (!FLAGS.contains(flag)) {
                throw new UsageException(arg.startsWith("-")
                        ? "unknown option '" + flag + "'; known options: " + String.join(", ", FLAGS)
                        : "unexpected argument '" + arg + "'; every value follows its flag, e.g. --out " + arg);
            }
            if (!given.add(flag)) {
                throw new UsageException(flag + " is given twice; give it once");
            }
            if (flag.equals("--yolo")) {
                if (inline != null) {
                    throw new UsageException("--yolo takes no value, got '" + inline + "'; write just --yolo");
                }
                yolo = true;
                continue;
            }
            String value = inline;
            if (value == null) {
                if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                    throw new UsageException(flag + " needs a value, e.g. " + example(flag));
                }
                value = args[++i];
            }
            switch (flag) {
                case "--out" -> {
                    if (value.isBlank()) {
                        throw new UsageException("--out is empty; give a folder, e.g. " + example(flag));
                    }
                    out = Path.of(value);
                }
                case "--seed" -> seed = parseLong(flag, value);
                case "--domain" -> domain = Domain.parse(value);
                case "--seconds" -> seconds = parseInt(flag, value, 1, MAX_SECONDS);
                case "--count" -> count = parseInt(flag, value, Integer.MIN_VALUE, Integer.MAX_VALUE); // range: count()
                case "--good" -> good = parseInt(flag, value, 0, MAX_GOOD);
                default -> throw new IllegalStateException("flag " + flag + " has no parser");
            }
        }
        if (out == null) {
            throw new UsageException("--out is missing: say where to write, e.g. " + example("--out"));
        }
        if (seed == null) {
            throw new UsageException("--seed is missing: the scene is drawn from it, e.g. " + example("--seed"));
        }
        return new SamplesOptions(domain, new SceneRequest(out, seed, seconds(domain, seconds), yolo,
                good(domain, good), count(domain, count)));
    }

    private static int seconds(Domain domain, Integer given) throws UsageException {
        if (given == null) {
            return domain == Domain.PEST ? 1 : domain.defaultSeconds();
        }
        if (domain == Domain.PEST) {
            throw new UsageException("--seconds does not apply to --domain pest (its captures are still images); "
                    + "give the number of captures with --count N");
        }
        if (domain == Domain.GAIT && (given < MIN_GAIT_SECONDS || given > MAX_GAIT_SECONDS)) {
            throw new UsageException("--seconds for --domain gait is the length of each walk and must be in "
                    + MIN_GAIT_SECONDS + ".." + MAX_GAIT_SECONDS + ", got " + given);
        }
        return given;
    }

    private static int count(Domain domain, Integer given) throws UsageException {
        if (given == null) {
            return domain.defaultCount();
        }
        if (domain.maxCount() == 0) {
            throw new UsageException("--count does not apply to --domain " + domain.flag() + "; its length is set by "
                    + "--seconds (--count is for --domain pest or gait)");
        }
        if (given < 1 || given > domain.maxCount()) {
            throw new UsageException("--count for --domain " + domain.flag() + " must be in 1.." + domain.maxCount()
                    + ", got " + given);
        }
        return given;
    }

    private static int good(Domain domain, Integer given) throws UsageException {
        if (given == null) {
            return 0;
        }
        if (domain != Domain.DEFECT) {
            throw new UsageException("--good applies to --domain defect only (good parts for anomaly training); "
                    + "drop it for --domain " + domain.flag());
        }
        return given;
    }

    private static long parseLong(String flag, String value) throws UsageException {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, got '" + value + "'; e.g. " + example(flag));
        }
    }

    private static int parseInt(String flag, String value, int min, int max) throws UsageException {
        int n;
        try {
            n = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " must be a whole number, got '" + value + "'; e.g. " + example(flag));
        }
        if (n < min || n > max) {
            throw new UsageException(flag + " must be in " + min + ".." + max + ", got " + n);
        }
        return n;
    }

    private static String example(String flag) {
        return switch (flag) {
            case "--out" -> "--out sample-data/defect";
            case "--seed" -> "--seed 42";
            case "--domain" -> "--domain defect";
            case "--seconds" -> "--seconds " + DEFAULT_SECONDS;
            case "--good" -> "--good 200";
            case "--count" -> "--count 6";
            default -> flag;
        };
    }
}
