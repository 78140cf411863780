/**
 * Decoders for the Ultralytics YOLO family. {@link io.loupe.models.yolo.Yolov8Decoder} reads the anchor-free detection
 * head shared by YOLOv8 and YOLO11 exports ({@code [1, 4 + classes, anchors]}).
 */
package io.loupe.models.yolo;
