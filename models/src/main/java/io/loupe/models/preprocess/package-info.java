/**
 * Pre-processing: turning a camera image into a model's input tensor. A {@link io.loupe.models.preprocess.Preprocessor}
 * follows a {@link io.loupe.models.preprocess.Preprocessing} (resize mode, channel order, scale, mean, std, pad gray;
 * the decoder's defaults with a manifest's {@link io.loupe.models.preprocess.PreprocessOverrides}) into an NCHW or NHWC
 * blob of one or more image slots, and returns per image the {@link io.loupe.models.preprocess.LetterboxGeometry} that
 * maps points back for every {@link io.loupe.models.preprocess.ResizeMode}. {@link io.loupe.models.preprocess.Letterbox}
 * is the Ultralytics case on its own; {@link io.loupe.models.preprocess.TileGrid} cuts large images into overlapping
 * {@link io.loupe.models.preprocess.Tile}s for sliced inference. OpenCV does all per-pixel work; buffers are reused from
 * image to image and the blob never moves.
 */
package io.loupe.models.preprocess;
