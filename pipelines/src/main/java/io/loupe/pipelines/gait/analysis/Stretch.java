package io.loupe.pipelines.gait.analysis;

/**
 * Samples {@code [from, to)} of straight walking in one direction: {@code dir} +1 or -1 (side view: along the image's
 * x axis; frontal view: +1 towards the camera, -1 away).
 */
record Stretch(int from, int to, int dir) {
}
