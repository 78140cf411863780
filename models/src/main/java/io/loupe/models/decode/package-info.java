/**
 * Post-processing: turning raw model outputs into boxes. A {@link io.loupe.models.decode.Decoder} reads one model
 * family's output layout into {@link io.loupe.models.decode.Candidates} (input-pixel boxes); {@link
 * io.loupe.models.decode.Nms} keeps the best of overlapping ones. Decoders are found by key in the {@link
 * io.loupe.models.decode.DecoderRegistry}, so adding a model family (yolov5, yolox, yolo-pose, classify, anomalib)
 * means one factory and one registry line. Decoders, candidates and NMS reuse their arrays from frame to frame.
 */
package io.loupe.models.decode;
