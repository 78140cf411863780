/**
 * The defect domain's scene: a conveyor belt under a fixed camera carrying metal and plastic parts, about 40 % of
 * them with dark defects.
 *
 * <p>The pieces, in the order they run: {@link io.loupe.samples.defect.ConveyorPlanner} decides every part and defect
 * from a seeded random stream (with {@link io.loupe.samples.defect.DefectPlanner});
 * {@link io.loupe.samples.defect.PartSpriteRenderer} shades each part once into a
 * {@link io.loupe.samples.defect.PartSprite}; {@link io.loupe.samples.defect.ConveyorRenderer} composes each frame
 * from the scrolling belt ({@link io.loupe.samples.defect.BeltRenderer}), the sprites and the camera model, and
 * reports what is in it; {@link io.loupe.samples.defect.DefectSceneGenerator} writes the video, the ground truth and,
 * when asked, YOLO labels ({@link io.loupe.samples.defect.YoloExporter}) and good-part images
 * ({@link io.loupe.samples.defect.GoodPartExporter}).
 */
package io.loupe.samples.defect;
