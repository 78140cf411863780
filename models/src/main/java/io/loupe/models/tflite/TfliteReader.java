package io.loupe.models.tflite;

import io.loupe.models.ModelException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the main subgraph of a {@code .tflite} flatbuffer into a {@link TfliteGraph}: every offset and vector is
 * checked against the end of the file, so a truncated or corrupt file is a {@link ModelException} that says so.
 */
final class TfliteReader {

    /** The flatbuffer {@code file_identifier} of TFLite's schema, at bytes 4..7. */
    static final String IDENTIFIER = "TFL3";

    private TfliteReader() {
    }

    /** True when {@code bytes} start like a TFLite flatbuffer (root offset, then "TFL3"). */
    static boolean looksLikeTflite(byte[] head) {
        return head.length >= 8 && IDENTIFIER.equals(new String(head, 4, 4, StandardCharsets.US_ASCII));
    }

    /**
     * @param source the file name, for messages
     * @throws ModelException when the bytes are not a TFLite model, or are truncated or corrupt
     */
    static TfliteGraph read(ByteBuffer file, String source) throws ModelException {
        ByteBuffer bb = file.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        bb.position(0);
        if (bb.limit() < 8) {
            throw new ModelException("TFLite model " + source + " is only " + bb.limit() + " bytes long: it is not a"
                    + " TFLite flatbuffer or it was cut off. Fix: download or copy the .tflite file again");
        }
        byte[] head = new byte[8];
        bb.get(0, head);
        if (!looksLikeTflite(head)) {
            throw new ModelException("Model " + source + " is not a TFLite flatbuffer: bytes 4..7 are '"
                    + printable(head) + "', not the identifier '" + IDENTIFIER + "'. Fix: give a .tflite file written"
                    + " by the TensorFlow Lite converter (or an .onnx file)");
        }
        try {
            return readChecked(bb, source);
        } catch (TruncatedFlatbufferException | IndexOutOfBoundsException e) {
            throw new ModelException("TFLite model " + source + " (" + bb.limit() + " bytes) is truncated or corrupt: "
                    + e.getMessage() + ". Fix: download or copy the .tflite file again and compare its sha256 with"
                    + " the source's", e);
        } catch (IllegalArgumentException e) {
            throw new ModelException("TFLite model " + source + " is corrupt or newer than this importer: "
                    + e.getMessage() + ". Fix: download the file again, or convert it with a TensorFlow Lite"
                    + " converter of schema version 3", e);
        }
    }

    private static TfliteGraph readChecked(ByteBuffer bb, String source) throws ModelException {
        TflModelTable model = TflModelTable.root(bb);
        long version = model.version();
        if (model.subgraphCount() == 0) {
            throw new ModelException("TFLite model " + source + " has no subgraph. Fix: export the model again");
        }
        TflSubGraphTable graph = model.subgraph(0);
        int[] opcodes = new int[model.operatorCodeCount()];
        String[] customNames = new String[opcodes.length];
        int[] opVersions = new int[opcodes.length];
        for (int i = 0; i < opcodes.length; i++) {
            TflOperatorCodeTable code = model.operatorCode(i);
            opcodes[i] = code.builtinCode();
            customNames[i] = code.customCode();
            opVersions[i] = code.version();
        }
        int bufferCount = model.bufferCount();
        List<TfliteTensor> tensors = new ArrayList<>(graph.tensorCount());
        for (int t = 0; t < graph.tensorCount(); t++) {
            TflTensorTable tensor = graph.tensor(t);
            long bufferIndex = tensor.buffer();
            if (bufferIndex >= bufferCount) {
                throw new TruncatedFlatbufferException("buffer " + bufferIndex + " of tensor #" + t + " (of "
                        + bufferCount + " buffers)");
            }
            ByteBuffer data = bufferIndex == 0 ? null : data(model.buffer((int) bufferIndex), bb);
            TflQuantizationTable quantization = tensor.quantization();
            TflSparsityTable sparsity = tensor.sparsity();
            String name = tensor.name();
            tensors.add(new TfliteTensor(t, name == null || name.isEmpty() ? "tensor_" + t : name,
                    TensorType.of(tensor.type()), tensor.shape(), data,
                    quantization != null && quantization.present(), sparsity == null ? null : sparse(sparsity)));
        }
        List<TfliteOp> operators = new ArrayList<>(graph.operatorCount());
        for (int o = 0; o < graph.operatorCount(); o++) {
            TflOperatorTable op = graph.operator(o);
            long opcode = op.opcodeIndex();
            if (opcode >= opcodes.length) {
                throw new TruncatedFlatbufferException("operator code " + opcode + " of operator #" + o);
            }
            int[] inputs = op.inputs();
            int[] outputs = op.outputs();
            checkIndices(inputs, tensors.size(), o);
            checkIndices(outputs, tensors.size(), o);
            operators.add(new TfliteOp(o, opcodes[(int) opcode], customNames[(int) opcode], opVersions[(int) opcode],
                    inputs, outputs, TflOptions.orDefaults(op.options())));
        }
        int[] inputs = graph.inputs();
        int[] outputs = graph.outputs();
        checkIndices(inputs, tensors.size(), -1);
        checkIndices(outputs, tensors.size(), -1);
        return new TfliteGraph(source, version, model.description(), List.copyOf(tensors), List.copyOf(operators),
                inputs, outputs);
    }

    private static ByteBuffer data(TflBufferTable buffer, ByteBuffer file) {
        ByteBuffer inside = buffer.data();
        if (inside != null && inside.remaining() > 0) {
            return inside;
        }
        long offset = buffer.offset();
        long size = buffer.size();
        if (offset > 1) {
            if (offset + size > file.limit()) {
                throw new TruncatedFlatbufferException("a buffer of " + size + " bytes at byte " + offset);
            }
            return file.duplicate().position((int) offset).limit((int) (offset + size)).slice()
                    .order(ByteOrder.LITTLE_ENDIAN);
        }
        return null;
    }

    private static SparseLayout sparse(TflSparsityTable sparsity) {
        List<SparseLayout.Dimension> dims = new ArrayList<>();
        for (int d = 0; d < sparsity.dimensionCount(); d++) {
            TflDimensionTable dim = sparsity.dimension(d);
            boolean dense = dim.format() == TflDimensionTable.DENSE;
            dims.add(new SparseLayout.Dimension(dense, dim.denseSize(), dense ? new int[0] : dim.segments(),
                    dense ? new int[0] : dim.indices()));
        }
        return new SparseLayout(sparsity.traversalOrder(), sparsity.blockMap(), List.copyOf(dims));
    }

    private static void checkIndices(int[] indices, int tensors, int op) {
        for (int index : indices) {
            if (index < -1 || index >= tensors) {
                throw new TruncatedFlatbufferException("tensor index " + index + (op < 0 ? " of the graph" : " of"
                        + " operator #" + op) + " (of " + tensors + " tensors)");
            }
        }
    }

    private static String printable(byte[] head) {
        StringBuilder s = new StringBuilder();
        for (int i = 4; i < 8; i++) {
            int c = head[i] & 0xff;
            s.append(c >= 32 && c < 127 ? String.valueOf((char) c) : String.format("\\x%02x", c));
        }
        return s.toString();
    }
}
