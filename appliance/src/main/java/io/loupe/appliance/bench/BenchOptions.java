package io.loupe.appliance.bench;

import java.nio.file.Path;

/**
 * What to benchmark and how long.
 *
 * @param config  a configuration whose first pipeline (or {@code pipeline}) is benchmarked, or null
 * @param pipeline the pipeline of {@code config} to benchmark, or null for its first
 * @param model   a model file, used with {@code video} instead of a configuration
 * @param video   a video file, used with {@code model}
 * @param frames  frames per measured window
 * @param cameras cameras sharing the model in the multi-camera phase; 1 skips that phase
 * @param repeats measured windows (and baseline rounds) per phase; medians are over these
 * @param soakSeconds how long the paced phase runs while memory is sampled; 0 for the default, 20 s
 * @param json    print one JSON object instead of the table
 */
public record BenchOptions(Path config, String pipeline, Path model, Path video, int frames, int cameras, int repeats,
                           int soakSeconds, boolean json) {

    public BenchOptions {
        if ((config == null) == (model == null || video == null)) {
            throw new IllegalArgumentException("give either --config F or both --model M and --video V");
        }
        if (frames < 10) {
            throw new IllegalArgumentException("--frames " + frames + " is too few to measure: use 10 or more");
        }
        if (cameras < 1 || cameras > 16) {
            throw new IllegalArgumentException("--cameras " + cameras + " is not in 1..16");
        }
        if (repeats < 1 || repeats > 50) {
            throw new IllegalArgumentException("--repeats " + repeats + " is not in 1..50");
        }
        if (soakSeconds < 0) {
            throw new IllegalArgumentException("--soak " + soakSeconds + " must be 0 or more seconds");
        }
    }
}
