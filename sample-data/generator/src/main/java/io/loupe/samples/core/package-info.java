/**
 * Building blocks shared by every domain's scene: pixel {@link io.loupe.samples.core.Box}es, seed derivation
 * ({@link io.loupe.samples.core.Seeds}) so that each random stream is reproducible on its own, the camera model
 * ({@link io.loupe.samples.core.CameraEffects}: vignette, optical blur, sensor noise) and the MP4 writer
 * ({@link io.loupe.samples.core.Mp4Writer}).
 *
 * <p>All per-pixel work happens in OpenCV; nothing here draws pixel by pixel in Java. Nothing here reads global
 * randomness: every random value comes from a seed handed in.
 */
package io.loupe.samples.core;
