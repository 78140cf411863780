/**
 * Pre-processing: turning a camera image into a model's input tensor. {@link io.loupe.models.preprocess.Letterbox}
 * scales and pads like Ultralytics and keeps the {@link io.loupe.models.preprocess.LetterboxGeometry} that maps boxes
 * back to the image. OpenCV does all per-pixel work; buffers are reused from image to image.
 */
package io.loupe.models.preprocess;
