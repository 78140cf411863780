package io.loupe.models.tflite;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.WireFormat;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Serialises an {@link OnnxGraph} as an ONNX {@code ModelProto}, field by field with the numbers of {@code onnx.proto}
 * (no generated classes): small nested messages are written to bytes first and embedded with their length.
 */
final class OnnxWriter {

    /** ONNX IR version 8 (ONNX 1.10+), read by every ONNX Runtime of the last years. */
    static final long IR_VERSION = 8;
    /** The default-domain opset the importer's nodes follow (HardSwish needs 14, ReduceMean's axes attribute < 18). */
    static final long OPSET = 17;

    // ModelProto
    private static final int MODEL_IR_VERSION = 1;
    private static final int MODEL_PRODUCER_NAME = 2;
    private static final int MODEL_PRODUCER_VERSION = 3;
    private static final int MODEL_DOC_STRING = 6;
    private static final int MODEL_GRAPH = 7;
    private static final int MODEL_OPSET_IMPORT = 8;
    private static final int MODEL_METADATA_PROPS = 14;
    // OperatorSetIdProto
    private static final int OPSET_DOMAIN = 1;
    private static final int OPSET_VERSION = 2;
    // StringStringEntryProto
    private static final int ENTRY_KEY = 1;
    private static final int ENTRY_VALUE = 2;
    // GraphProto
    private static final int GRAPH_NODE = 1;
    private static final int GRAPH_NAME = 2;
    private static final int GRAPH_INITIALIZER = 5;
    private static final int GRAPH_INPUT = 11;
    private static final int GRAPH_OUTPUT = 12;
    // NodeProto
    private static final int NODE_INPUT = 1;
    private static final int NODE_OUTPUT = 2;
    private static final int NODE_NAME = 3;
    private static final int NODE_OP_TYPE = 4;
    private static final int NODE_ATTRIBUTE = 5;
    // AttributeProto
    private static final int ATTR_NAME = 1;
    private static final int ATTR_F = 2;
    private static final int ATTR_I = 3;
    private static final int ATTR_S = 4;
    private static final int ATTR_INTS = 8;
    private static final int ATTR_TYPE = 20;
    // TensorProto
    private static final int TENSOR_DIMS = 1;
    private static final int TENSOR_DATA_TYPE = 2;
    private static final int TENSOR_NAME = 8;
    private static final int TENSOR_RAW_DATA = 9;
    // ValueInfoProto, TypeProto, TypeProto.Tensor, TensorShapeProto, TensorShapeProto.Dimension
    private static final int VALUE_NAME = 1;
    private static final int VALUE_TYPE = 2;
    private static final int TYPE_TENSOR = 1;
    private static final int TENSOR_TYPE_ELEM = 1;
    private static final int TENSOR_TYPE_SHAPE = 2;
    private static final int SHAPE_DIM = 1;
    private static final int DIM_VALUE = 1;

    private OnnxWriter() {
    }

    /**
     * The {@code ModelProto} bytes of {@code graph}, written into one array of the exact size: the initializers' data
     * (most of the model) is copied once.
     */
    static byte[] write(OnnxGraph graph, String producer, String producerVersion, String docString) {
        byte[] head = message(out -> {
            out.writeInt64(MODEL_IR_VERSION, IR_VERSION);
            out.writeString(MODEL_PRODUCER_NAME, producer);
            out.writeString(MODEL_PRODUCER_VERSION, producerVersion);
            if (docString != null && !docString.isEmpty()) {
                out.writeString(MODEL_DOC_STRING, docString);
            }
        });
        byte[] tail = message(out -> {
            out.writeByteArray(MODEL_OPSET_IMPORT, message(o -> {
                o.writeString(OPSET_DOMAIN, "");
                o.writeInt64(OPSET_VERSION, OPSET);
            }));
            for (Map.Entry<String, String> e : graph.metadata().entrySet()) {
                out.writeByteArray(MODEL_METADATA_PROPS, message(o -> {
                    o.writeString(ENTRY_KEY, e.getKey());
                    o.writeString(ENTRY_VALUE, e.getValue());
                }));
            }
        });
        byte[] graphHead = message(out -> {
            for (OnnxGraph.Node node : graph.nodes()) {
                out.writeByteArray(GRAPH_NODE, node(node));
            }
            out.writeString(GRAPH_NAME, graph.name());
        });
        byte[] graphTail = message(out -> {
            for (OnnxGraph.ValueInfo input : graph.inputs()) {
                out.writeByteArray(GRAPH_INPUT, valueInfo(input));
            }
            for (OnnxGraph.ValueInfo output : graph.outputs()) {
                out.writeByteArray(GRAPH_OUTPUT, valueInfo(output));
            }
        });
        List<byte[]> tensorHeads = new ArrayList<>();
        long graphSize = graphHead.length + graphTail.length;
        for (OnnxGraph.Initializer init : graph.initializers()) {
            byte[] tensorHead = tensorHead(init);
            tensorHeads.add(tensorHead);
            int tensorSize = tensorHead.length + CodedOutputStream.computeByteArraySize(TENSOR_RAW_DATA, init.raw());
            graphSize += CodedOutputStream.computeTagSize(GRAPH_INITIALIZER)
                    + CodedOutputStream.computeUInt32SizeNoTag(tensorSize) + tensorSize;
        }
        int graphBytes = Math.toIntExact(graphSize);
        int total = Math.toIntExact(head.length + CodedOutputStream.computeTagSize(MODEL_GRAPH)
                + CodedOutputStream.computeUInt32SizeNoTag(graphBytes) + graphSize + tail.length);
        byte[] model = new byte[total];
        CodedOutputStream out = CodedOutputStream.newInstance(model);
        try {
            out.writeRawBytes(head);
            out.writeTag(MODEL_GRAPH, WireFormat.WIRETYPE_LENGTH_DELIMITED);
            out.writeUInt32NoTag(graphBytes);
            out.writeRawBytes(graphHead);
            for (int i = 0; i < tensorHeads.size(); i++) {
                byte[] tensorHead = tensorHeads.get(i);
                byte[] raw = graph.initializers().get(i).raw();
                out.writeTag(GRAPH_INITIALIZER, WireFormat.WIRETYPE_LENGTH_DELIMITED);
                out.writeUInt32NoTag(tensorHead.length + CodedOutputStream.computeByteArraySize(TENSOR_RAW_DATA, raw));
                out.writeRawBytes(tensorHead);
                out.writeByteArray(TENSOR_RAW_DATA, raw);
            }
            out.writeRawBytes(graphTail);
            out.writeRawBytes(tail);
            out.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return model;
    }

    private static byte[] node(OnnxGraph.Node node) {
        return message(out -> {
            for (String in : node.inputs()) {
                out.writeString(NODE_INPUT, in);
            }
            for (String o : node.outputs()) {
                out.writeString(NODE_OUTPUT, o);
            }
            out.writeString(NODE_NAME, node.name());
            out.writeString(NODE_OP_TYPE, node.opType());
            for (OnnxAttribute a : node.attributes()) {
                out.writeByteArray(NODE_ATTRIBUTE, attribute(a));
            }
        });
    }

    private static byte[] attribute(OnnxAttribute a) {
        return message(out -> {
            out.writeString(ATTR_NAME, a.name());
            switch (a.type()) {
                case OnnxAttribute.FLOAT -> out.writeFloat(ATTR_F, a.f());
                case OnnxAttribute.INT -> out.writeInt64(ATTR_I, a.i());
                case OnnxAttribute.STRING -> out.writeBytes(ATTR_S, ByteString.copyFromUtf8(a.s()));
                case OnnxAttribute.INTS -> {
                    for (long v : a.ints()) {
                        out.writeInt64(ATTR_INTS, v);
                    }
                }
                default -> throw new IllegalArgumentException("attribute type " + a.type());
            }
            out.writeEnum(ATTR_TYPE, a.type());
        });
    }

    /** A TensorProto without its raw data, which the caller appends. */
    private static byte[] tensorHead(OnnxGraph.Initializer init) {
        return message(out -> {
            for (long d : init.dims()) {
                out.writeInt64(TENSOR_DIMS, d);
            }
            out.writeInt32(TENSOR_DATA_TYPE, init.dataType());
            out.writeString(TENSOR_NAME, init.name());
        });
    }

    private static byte[] valueInfo(OnnxGraph.ValueInfo info) {
        byte[] shape = message(out -> {
            for (long d : info.dims()) {
                out.writeByteArray(SHAPE_DIM, message(o -> o.writeInt64(DIM_VALUE, d)));
            }
        });
        byte[] tensorType = message(out -> {
            out.writeInt32(TENSOR_TYPE_ELEM, info.elementType());
            out.writeByteArray(TENSOR_TYPE_SHAPE, shape);
        });
        return message(out -> {
            out.writeString(VALUE_NAME, info.name());
            out.writeByteArray(VALUE_TYPE, message(o -> o.writeByteArray(TYPE_TENSOR, tensorType)));
        });
    }

    private interface Body {
        void write(CodedOutputStream out) throws IOException;
    }

    private static byte[] message(Body body) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        CodedOutputStream out = CodedOutputStream.newInstance(bytes);
        try {
            body.write(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("writing to memory", e);
        }
        return bytes.toByteArray();
    }
}
