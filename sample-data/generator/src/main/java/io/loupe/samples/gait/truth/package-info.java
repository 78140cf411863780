/**
 * The ground truth of a walk set: per walk the intended gait score, the planned and the walked gait parameters,
 * heel strikes, and per frame the person's box and COCO-17 keypoints. {@link io.loupe.samples.gait.truth.GaitTruthFiles}
 * reads and writes {@code walks.json} and {@code walks/NNN.json}; field names are snake_case (see
 * {@code sample-data/gait/README.md}). Pixel coordinates have the origin at the top-left corner.
 */
package io.loupe.samples.gait.truth;
