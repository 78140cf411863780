/**
 * Decoders for the YOLO families: {@link io.loupe.models.yolo.Yolov8Decoder} (YOLOv8 / YOLO11 anchor-free head,
 * {@code [1, 4 + classes, anchors]}), {@link io.loupe.models.yolo.YoloPoseDecoder} (the same head with keypoints),
 * {@link io.loupe.models.yolo.Yolov5Decoder} (anchor-based with objectness, {@code [1, anchors, 5 + classes]}) and
 * {@link io.loupe.models.yolo.YoloxDecoder} (Megvii YOLOX, grid decoding over strides 8/16/32). Each has a factory
 * that checks a model's outputs against its layout at load, with messages that say which decoder fits instead.
 */
package io.loupe.models.yolo;
