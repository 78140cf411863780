package io.loupe.models;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes tiny ONNX models for tests, encoding the ONNX protobuf messages by hand (the wire format is simple: varints
 * and length-delimited fields). Field numbers are those of onnx.proto (ModelProto, GraphProto, NodeProto, …).
 */
final class TinyOnnx {

    private static final int FLOAT = 1;
    private static final int INT64 = 7;
    private static final int BOOL = 9;
    private static final int ATTRIBUTE_INT = 2;
    private static final int ATTRIBUTE_INTS = 7;

    /**
     * One constant output of a {@link #constantModel}: {@code values} in the given {@code shape}; declared in the graph
     * with {@code dims} (Integer fixed, String symbolic). A {@code bool} output is {@code values > 0.5}.
     */
    record Output(String name, long[] shape, float[] values, Object[] dims, boolean bool) {

        static Output of(String name, long[] shape, float[] values) {
            Object[] dims = new Object[shape.length];
            for (int i = 0; i < shape.length; i++) {
                dims[i] = (int) shape[i];
            }
            return new Output(name, shape, values, dims, false);
        }

        static Output bool(String name, long[] shape, float[] values) {
            Output o = of(name, shape, values);
            return new Output(name, shape, values, o.dims(), true);
        }
    }

    private TinyOnnx() {
    }

    /**
     * A "detector" whose output is always {@code table} ([1, rows, anchors], row-major), whatever the image: the graph
     * computes {@code table + 0 * mean(images)}. The input is {@code [1, 3, height, width]}; a dimension given as
     * null is symbolic (dynamic).
     */
    static byte[] constantDetector(Integer height, Integer width, int rows, int anchors, float[] table,
            Map<String, String> metadata) {
        if (table.length != rows * anchors) {
            throw new IllegalArgumentException("table has " + table.length + " values, not " + rows * anchors);
        }
        Proto graph = new Proto()
                .message(1, node("ReduceMean", new String[] {"images"}, "mean",
                        new Proto().string(1, "keepdims").varint(3, 0).varint(20, ATTRIBUTE_INT)))
                .message(1, node("Mul", new String[] {"mean", "zero"}, "nothing", null))
                .message(1, node("Add", new String[] {"table", "nothing"}, "output0", null))
                .string(2, "tiny_detector")
                .message(5, floatTensor("zero", new long[0], new float[] {0f}))
                .message(5, floatTensor("table", new long[] {1, rows, anchors}, table))
                .message(11, valueInfo("images", new Object[] {1, 3, height == null ? "height" : height,
                        width == null ? "width" : width}))
                .message(12, valueInfo("output0", new Object[] {1, rows, anchors}));
        return model(graph, metadata);
    }

    /**
     * A model with input {@code images} of {@code inputDims} whose outputs are constants, whatever the image: each is
     * {@code value + 0 * mean(images)}, or {@code value > 0.5} for a bool output.
     */
    static byte[] constantModel(Object[] inputDims, Map<String, String> metadata, Output... outputs) {
        Proto graph = new Proto()
                .message(1, node("ReduceMean", new String[] {"images"}, "mean",
                        new Proto().string(1, "keepdims").varint(3, 0).varint(20, ATTRIBUTE_INT)))
                .message(1, node("Mul", new String[] {"mean", "zero"}, "nothing", null));
        for (Output o : outputs) {
            if (o.bool()) {
                graph.message(1, node("Greater", new String[] {o.name() + "_value", "half"}, o.name(), null));
            } else {
                graph.message(1, node("Add", new String[] {o.name() + "_value", "nothing"}, o.name(), null));
            }
        }
        graph.string(2, "tiny_constant")
                .message(5, floatTensor("zero", new long[0], new float[] {0f}))
                .message(5, floatTensor("half", new long[0], new float[] {0.5f}));
        for (Output o : outputs) {
            if (o.values().length != elements(o.shape())) {
                throw new IllegalArgumentException(o.name() + " has " + o.values().length + " values for shape "
                        + java.util.Arrays.toString(o.shape()));
            }
            graph.message(5, floatTensor(o.name() + "_value", o.shape(), o.values()));
        }
        graph.message(11, valueInfo("images", inputDims));
        for (Output o : outputs) {
            graph.message(12, valueInfo(o.name(), o.dims(), o.bool() ? BOOL : FLOAT));
        }
        return model(graph, metadata);
    }

    /**
     * A detector with a dynamic batch whose output depends on each image's brightness: input {@code [batch, 3, size,
     * size]}, output {@code [batch, rows, anchors] = table + mean(image) * selector}, the mean taken per image over all
     * its values (0..1 after the usual scaling).
     */
    static byte[] brightnessDetector(int size, int rows, int anchors, float[] table, float[] selector,
            Map<String, String> metadata) {
        Proto graph = new Proto()
                .message(1, node("ReduceMean", new String[] {"images"}, "mean4",
                        new Proto().string(1, "axes").varint(8, 1).varint(8, 2).varint(8, 3)
                                .varint(20, ATTRIBUTE_INTS)))
                .message(1, node("Reshape", new String[] {"mean4", "shape3"}, "mean3", null))
                .message(1, node("Mul", new String[] {"mean3", "selector"}, "scaled", null))
                .message(1, node("Add", new String[] {"table", "scaled"}, "output0", null))
                .string(2, "tiny_brightness")
                .message(5, longTensor("shape3", new long[] {-1, 1, 1}))
                .message(5, floatTensor("table", new long[] {1, rows, anchors}, table))
                .message(5, floatTensor("selector", new long[] {1, rows, anchors}, selector))
                .message(11, valueInfo("images", new Object[] {"batch", 3, size, size}))
                .message(12, valueInfo("output0", new Object[] {"batch", rows, anchors}));
        return model(graph, metadata);
    }

    /** A model whose single input {@code x} has the given dims (Integer fixed, String symbolic) and is passed through. */
    static byte[] identity(Object[] dims, Map<String, String> metadata) {
        Proto graph = new Proto()
                .message(1, node("Identity", new String[] {"x"}, "y", null))
                .string(2, "identity")
                .message(11, valueInfo("x", dims))
                .message(12, valueInfo("y", dims));
        return model(graph, metadata);
    }

    static Path write(Path dir, String fileName, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(fileName), bytes);
    }

    static Map<String, String> metadata(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return map;
    }

    private static byte[] model(Proto graph, Map<String, String> metadata) {
        Proto model = new Proto()
                .varint(1, 8) // ir_version
                .string(2, "loupe-tests") // producer_name
                .message(7, graph)
                .message(8, new Proto().string(1, "").varint(2, 13)); // opset_import: ai.onnx 13
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            model.message(14, new Proto().string(1, entry.getKey()).string(2, entry.getValue()));
        }
        return model.bytes();
    }

    private static Proto node(String opType, String[] inputs, String output, Proto attribute) {
        Proto node = new Proto();
        for (String input : inputs) {
            node.string(1, input);
        }
        node.string(2, output).string(3, output + "_node").string(4, opType);
        if (attribute != null) {
            node.message(5, attribute);
        }
        return node;
    }

    private static Proto floatTensor(String name, long[] dims, float[] values) {
        Proto tensor = new Proto();
        for (long d : dims) {
            tensor.varint(1, d);
        }
        ByteBuffer raw = ByteBuffer.allocate(values.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            raw.putFloat(v);
        }
        return tensor.varint(2, FLOAT).string(8, name).bytes(9, raw.array());
    }

    private static Proto longTensor(String name, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(values.length * 8).order(ByteOrder.LITTLE_ENDIAN);
        for (long v : values) {
            raw.putLong(v);
        }
        return new Proto().varint(1, values.length).varint(2, INT64).string(8, name).bytes(9, raw.array());
    }

    private static long elements(long[] shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        return n;
    }

    private static Proto valueInfo(String name, Object[] dims) {
        return valueInfo(name, dims, FLOAT);
    }

    private static Proto valueInfo(String name, Object[] dims, int elementType) {
        Proto shape = new Proto();
        for (Object dim : dims) {
            shape.message(1, dim instanceof Integer value ? new Proto().varint(1, value)
                    : new Proto().string(2, (String) dim));
        }
        Proto tensorType = new Proto().varint(1, elementType).message(2, shape);
        return new Proto().string(1, name).message(2, new Proto().message(1, tensorType));
    }

    /** A protobuf message being written. */
    private static final class Proto {
        private final ByteArrayOutputStream out = new ByteArrayOutputStream();

        Proto varint(int field, long value) {
            tag(field, 0);
            raw(value);
            return this;
        }

        Proto string(int field, String value) {
            return bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }

        Proto message(int field, Proto message) {
            return bytes(field, message.bytes());
        }

        Proto bytes(int field, byte[] value) {
            tag(field, 2);
            raw(value.length);
            out.writeBytes(value);
            return this;
        }

        byte[] bytes() {
            return out.toByteArray();
        }

        private void tag(int field, int wireType) {
            raw(((long) field << 3) | wireType);
        }

        private void raw(long value) {
            while ((value & ~0x7FL) != 0) {
                out.write((int) ((value & 0x7F) | 0x80));
                value >>>= 7;
            }
            out.write((int) value);
        }
    }
}
