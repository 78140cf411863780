/**
 * The gait domain's scene: videos of a rendered person walking across a room, side and frontal, with a controllable
 * gait and exact ground truth.
 *
 * <p>The pieces, in the order they run: {@link io.loupe.samples.gait.GaitPlanner} draws each walk's
 * {@link io.loupe.samples.gait.GaitParams} for an intended score ({@link io.loupe.samples.gait.GaitScoreRule});
 * {@link io.loupe.samples.gait.WalkLayout} places the walkway, the camera and the room;
 * {@link io.loupe.samples.gait.StepPlanner} plans every footstep, freeze and turn;
 * {@link io.loupe.samples.gait.GaitModel} (the documented kinematic model) gives the pose at any time;
 * {@link io.loupe.samples.gait.RoomRenderer} draws the room once and {@link io.loupe.samples.gait.PersonRenderer} the
 * shaded body each frame (with {@link io.loupe.samples.gait.Ink}); {@link io.loupe.samples.gait.Keypoints} projects
 * the COCO-17 keypoints and decides their visibility; {@link io.loupe.samples.gait.BoutMeasures} measures the walked
 * parameters; {@link io.loupe.samples.gait.GaitSceneGenerator} writes the MP4s, the ground truth and, when asked, the
 * YOLO-pose set ({@link io.loupe.samples.gait.PoseYoloExporter}).
 */
package io.loupe.samples.gait;
