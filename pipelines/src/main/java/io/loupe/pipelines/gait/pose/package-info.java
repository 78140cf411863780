/**
 * Pose per frame for the gait pipeline behind one small interface, {@link io.loupe.pipelines.gait.pose.PoseSource}:
 * YOLO-pose (bottom-up, COCO-17) or MediaPipe BlazePose top-down (person detection, rotated crop, landmarks mapped
 * back, heels and toes kept, partial bodies reported with their upper body missing). A source's output can be
 * recorded ({@link io.loupe.pipelines.gait.pose.RecordingPoseSource},
 * {@link io.loupe.pipelines.gait.pose.PoseRecording}) and replayed without the model
 * ({@link io.loupe.pipelines.gait.pose.ReplayedPoseSource}).
 */
package io.loupe.pipelines.gait.pose;
