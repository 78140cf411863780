package io.loupe.samples;

import io.loupe.samples.core.SceneGenerator;
import io.loupe.samples.core.SceneSummary;
import io.loupe.samples.defect.DefectSceneGenerator;
import io.loupe.samples.gait.GaitSceneGenerator;
import io.loupe.samples.pest.PestSceneGenerator;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The scenes the generator can make, each with its generator: adding a domain touches only this registry. */
public enum Domain {
    /** A conveyor carrying parts, some with defects. */
    DEFECT("defect", DefectSceneGenerator::new, "%d frames, %d parts (%d NG)", 24, 0, 0),
    /** A time series of high-resolution photos of one yellow sticky trap where insects accumulate. */
    PEST("pest", PestSceneGenerator::new, "%d captures, %d insects (%d trap changes)", 0,
            PestSceneGenerator.DEFAULT_CAPTURES, PestSceneGenerator.MAX_CAPTURES),
    /** Videos of a person walking, side and frontal, with controllable gait. */
    GAIT("gait", GaitSceneGenerator::new, "%d frames, %d walks (%d with a gait score of 2 or more)",
            GaitSceneGenerator.DEFAULT_SECONDS, GaitSceneGenerator.DEFAULT_WALKS, GaitSceneGenerator.MAX_WALKS);

    private final String flag;
    private final Supplier<SceneGenerator> generator;
    private final String summary;
    private final int defaultSeconds;
    private final int defaultCount;
    private final int maxCount;

    Domain(String flag, Supplier<SceneGenerator> generator, String summary, int defaultSeconds, int defaultCount,
           int maxCount) {
        this.flag = flag;
        this.generator = generator;
        this.summary = summary;
        this.defaultSeconds = defaultSeconds;
        this.defaultCount = defaultCount;
        this.maxCount = maxCount;
    }

    /** @return the name used on the command line */
    public String flag() {
        return flag;
    }

    /** @return a new generator for this domain */
    public SceneGenerator generator() {
        return generator.get();
    }

    /** @return video length used when {@code --seconds} is not given; 0 when the domain makes no video of a length */
    public int defaultSeconds() {
        return defaultSeconds;
    }

    /** @return {@code --count} used when it is not given; 0 when the domain takes no count */
    public int defaultCount() {
        return defaultCount;
    }

    /** @return the largest {@code --count}; 0 when the domain takes no count */
    public int maxCount() {
        return maxCount;
    }

    /** @return a one-line account of what was made, in this domain's words */
    public String describe(SceneSummary summary) {
        return this.summary.formatted(summary.frames(), summary.parts(), summary.flagged());
    }

    /**
     * @throws UsageException naming the value and the known domains when {@code name} is none of them
     */
    public static Domain parse(String name) throws UsageException {
        for (Domain d : values()) {
            if (d.flag.equals(name)) {
                return d;
            }
        }
        throw new UsageException("--domain '" + name + "' is not a known scene; use one of: " + known());
    }

    static String known() {
        return Arrays.stream(values()).map(Domain::flag).collect(Collectors.joining(", "));
    }
}
