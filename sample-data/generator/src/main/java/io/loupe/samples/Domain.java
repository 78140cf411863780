package io.loupe.samples;

import io.loupe.samples.core.SceneGenerator;
import io.loupe.samples.defect.DefectSceneGenerator;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The scenes the generator can make, each with its generator: adding a domain touches only this registry. */
public enum Domain {
    /** A conveyor carrying parts, some with defects. */
    DEFECT("defect", DefectSceneGenerator::new);

    private final String flag;
    private final Supplier<SceneGenerator> generator;

    Domain(String flag, Supplier<SceneGenerator> generator) {
        this.flag = flag;
        this.generator = generator;
    }

    /** @return the name used on the command line */
    public String flag() {
        return flag;
    }

    /** @return a new generator for this domain */
    public SceneGenerator generator() {
        return generator.get();
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
        throw new UsageException("--domain '" + name + "' is not a known scene; use one of: " + known()
                + " (pest and gait scenes are not written yet)");
    }

    static String known() {
        return Arrays.stream(values()).map(Domain::flag).collect(Collectors.joining(", "));
    }
}
