/**
 * TensorFlow Lite import: {@link io.loupe.models.tflite.TfliteImporter} turns a float {@code .tflite} model into the
 * equivalent ONNX model, in memory, so that every execution provider of ONNX Runtime can run it and a model path
 * ending in {@code .tflite} works wherever an {@code .onnx} one does ({@code Model.load}, the bench).
 *
 * <p>Reading: {@link io.loupe.models.tflite.TfliteReader} walks the flatbuffer through small accessors written from
 * TFLite's {@code schema.fbs} ({@code Tfl*Table}, one per schema table, fields by slot), checking every offset against
 * the end of the file, into a {@link io.loupe.models.tflite.TfliteGraph} of tensors and operators. Converting: a
 * {@link io.loupe.models.tflite.Conversion} keeps which ONNX value holds each tensor and in which
 * {@link io.loupe.models.tflite.Layout} (TFLite's NHWC, or NCHW for ONNX's convolutions); one
 * {@link io.loupe.models.tflite.OpConverter} per operator, registered in
 * {@link io.loupe.models.tflite.OpConverters}, writes ONNX nodes (convolution, pooling, element-wise, shape and
 * constant families, one class each). Writing: {@link io.loupe.models.tflite.OnnxGraph} collects nodes and
 * initializers and {@link io.loupe.models.tflite.OnnxWriter} serialises the {@code ModelProto} with protobuf's
 * {@code CodedOutputStream} and the field numbers of {@code onnx.proto}. No generated code and no converter code from
 * elsewhere.
 */
package io.loupe.models.tflite;
