package io.loupe.samples.core;

import java.io.IOException;

/**
 * Makes one domain's synthetic scene: a video plus its ground truth, deterministically from the request's seed.
 * One implementation per domain, chosen by the CLI's domain registry.
 */
public interface SceneGenerator {

    /**
     * Generates the scene into {@code request.out()}, overwriting files of the same names.
     *
     * @return what was written
     * @throws IOException when a file cannot be written or the video cannot be encoded; the message names the file
     *                     and the likely fix
     */
    SceneSummary generate(SceneRequest request) throws IOException;
}
