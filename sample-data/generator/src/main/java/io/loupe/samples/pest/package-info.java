/**
 * The pest domain's scene: a time series of high-resolution photos of one yellow sticky trap where insects
 * accumulate.
 *
 * <p>The pieces, in the order they run: {@link io.loupe.samples.pest.TrapPlanner} decides, from a seeded stream,
 * which insects land where in each capture, the debris, the daylight and when the card is changed;
 * {@link io.loupe.samples.pest.TrapCardRenderer} makes each card (glue, grid, label, bubbles, glare);
 * {@link io.loupe.samples.pest.InsectArtist} draws each insect once into an
 * {@link io.loupe.samples.pest.InsectSprite} (with {@link io.loupe.samples.pest.Sketch}, a supersampled canvas in the
 * insect's own coordinates); {@link io.loupe.samples.pest.CaptureRenderer} composes each capture (card, debris via
 * {@link io.loupe.samples.pest.DebrisRenderer}, insects, daylight, glare, camera) and reports the exact boxes;
 * {@link io.loupe.samples.pest.PestSceneGenerator} writes the JPEGs, the ground truth and, when asked, the YOLO tiles
 * ({@link io.loupe.samples.pest.TileExporter}).
 */
package io.loupe.samples.pest;
