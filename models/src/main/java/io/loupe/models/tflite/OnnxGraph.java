package io.loupe.models.tflite;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An ONNX graph being built: nodes in topological order, initializers, typed inputs and outputs and the model's
 * metadata, ready for {@link OnnxWriter}. Value names are unique within the graph.
 */
final class OnnxGraph {

    /** ONNX {@code TensorProto.DataType} codes the importer writes. */
    static final int FLOAT = 1;
    static final int INT64 = 7;

    /** A node: {@code op_type}, inputs (an empty name is an optional input left out), outputs and attributes. */
    record Node(String name, String opType, List<String> inputs, List<String> outputs, List<OnnxAttribute> attributes) {
    }

    /** A constant: raw little-endian bytes of {@code dataType} with {@code dims}. */
    record Initializer(String name, int dataType, long[] dims, byte[] raw) {
    }

    /** A graph input or output with its element type and static shape. */
    record ValueInfo(String name, int elementType, long[] dims) {
    }

    private final String name;
    private final List<Node> nodes = new ArrayList<>();
    private final List<Initializer> initializers = new ArrayList<>();
    private final List<ValueInfo> inputs = new ArrayList<>();
    private final List<ValueInfo> outputs = new ArrayList<>();
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final Set<String> names = new HashSet<>();

    OnnxGraph(String name) {
        this.name = name;
    }

    /** {@code base} if unused, else {@code base_2}, {@code base_3}, ...; the name is then taken. */
    String unique(String base) {
        String candidate = base;
        for (int n = 2; !names.add(candidate); n++) {
            candidate = base + "_" + n;
        }
        return candidate;
    }

    void node(String opType, List<String> in, List<String> out, OnnxAttribute... attributes) {
        nodes.add(new Node("n" + nodes.size() + "_" + opType, opType, List.copyOf(in), List.copyOf(out),
                List.of(attributes)));
    }

    /** Adds a float constant; returns its (unique) name. */
    String floats(String base, long[] dims, float[] values) {
        ByteBuffer raw = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asFloatBuffer().put(values);
        return initializer(base, FLOAT, dims, raw.array());
    }

    /** Adds an int64 constant; returns its (unique) name. */
    String int64s(String base, long[] dims, long[] values) {
        ByteBuffer raw = ByteBuffer.allocate(8 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        raw.asLongBuffer().put(values);
        return initializer(base, INT64, dims, raw.array());
    }

    /** Adds a constant from raw bytes; returns its (unique) name. */
    String initializer(String base, int dataType, long[] dims, byte[] raw) {
        String unique = unique(base);
        initializers.add(new Initializer(unique, dataType, dims.clone(), raw));
        return unique;
    }

    /** Declares a graph input; the name must already be taken with {@link #unique}. */
    void input(String value, int elementType, long[] dims) {
        inputs.add(new ValueInfo(value, elementType, dims.clone()));
    }

    /** Declares a graph output; the name must be produced by a node. */
    void output(String value, int elementType, long[] dims) {
        outputs.add(new ValueInfo(value, elementType, dims.clone()));
    }

    void metadata(String key, String value) {
        metadata.put(key, value);
    }

    String name() {
        return name;
    }

    List<Node> nodes() {
        return nodes;
    }

    List<Initializer> initializers() {
        return initializers;
    }

    List<ValueInfo> inputs() {
        return inputs;
    }

    List<ValueInfo> outputs() {
        return outputs;
    }

    Map<String, String> metadata() {
        return metadata;
    }
}
