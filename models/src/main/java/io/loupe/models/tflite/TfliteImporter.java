package io.loupe.models.tflite;

import io.loupe.models.ModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Converts a float TensorFlow Lite model ({@code .tflite}) into the equivalent ONNX model, in memory, for ONNX Runtime.
 *
 * <p>The flatbuffer is read with accessors written from TFLite's {@code schema.fbs}; the ONNX {@code ModelProto} is
 * written field by field from {@code onnx.proto} (IR 8, opset 17). Images are NHWC in TFLite and NCHW in ONNX: the
 * importer transposes convolution weights at import and keeps activations NCHW, inserting a Transpose only where an
 * operator needs TFLite's own element order (a Reshape of a non-trivial image, a graph output of lower rank). Rank-4
 * float inputs and outputs of the ONNX model are NCHW ({@code [1, 3, H, W]} for images); other tensors keep their
 * TFLite shapes. Names of inputs and outputs are TFLite's. TF SAME padding is made explicit, fused activations become
 * nodes, float16 weights (DEQUANTIZE) and sparse weights (DENSIFY) are folded into float32 initializers.
 *
 * <p>Supported operators: see {@link #supportedOperators()}. Quantized (int8/uint8/int16) models are refused.
 */
public final class TfliteImporter {

    private static final Logger LOG = LoggerFactory.getLogger(TfliteImporter.class);

    /** The producer name written into the ONNX model. */
    public static final String PRODUCER = "loupe-tflite-importer";
    /** The producer version written into the ONNX model. */
    public static final String VERSION = "1";

    private TfliteImporter() {
    }

    /** True for a path whose file name ends in {@code .tflite} (any case). */
    public static boolean isTflite(Path file) {
        return file.getFileName() != null
                && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tflite");
    }

    /** The TFLite operators the importer converts, e.g. {@code ADD, AVERAGE_POOL_2D, CONCATENATION, ...}. */
    public static String supportedOperators() {
        return OpConverters.supported();
    }

    /**
     * Reads {@code file} and returns the ONNX model bytes.
     *
     * @throws ModelException when the file cannot be read, is not a TFLite model, is truncated or corrupt, is
     *     quantized, or uses an operator (or option) the importer does not convert; the message names the file, the
     *     operator or tensor, and the fix
     */
    public static byte[] toOnnx(Path file) throws ModelException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ModelException("Cannot read TFLite model " + file.toAbsolutePath() + ": " + e
                    + ". Fix: check the path and the file's permissions", e);
        }
        return toOnnx(bytes, file.toAbsolutePath().toString());
    }

    /**
     * Converts TFLite model bytes.
     *
     * @param source the file name (or any name) used in messages and the ONNX metadata
     * @throws ModelException as {@link #toOnnx(Path)}
     */
    public static byte[] toOnnx(byte[] tflite, String source) throws ModelException {
        long start = System.nanoTime();
        TfliteGraph graph = TfliteReader.read(ByteBuffer.wrap(tflite), source);
        checkFloat(graph);
        checkOperators(graph);
        OnnxGraph onnx = new OnnxGraph(graphName(source));
        Conversion cx = new Conversion(graph, onnx);
        for (int t : graph.inputs()) {
            TfliteTensor input = graph.tensor(t);
            Layout layout = input.rank() == 4 && input.type() == TensorType.FLOAT32 ? Layout.NCHW : Layout.NATURAL;
            String name = onnx.unique(input.name());
            onnx.input(name, elementType(graph, input), layout.dims(input.shape()));
            cx.defineInput(t, name, layout);
        }
        for (TfliteOp op : graph.operators()) {
            OpConverters.find(op).orElseThrow().convert(op, cx);
        }
        TfliteOp outputs = new TfliteOp(graph.operators().size(), -1, "graph outputs", 1, graph.outputs(),
                new int[0], TflOptions.orDefaults(null));
        for (int t : graph.outputs()) {
            TfliteTensor output = graph.tensor(t);
            Layout layout = output.rank() == 4 ? Layout.NCHW : Layout.NATURAL;
            String name = onnx.unique(output.name());
            onnx.node("Identity", List.of(cx.value(outputs, t, layout)), List.of(name));
            onnx.output(name, elementType(graph, output), layout.dims(output.shape()));
        }
        onnx.metadata("source", Path.of(source).getFileName().toString());
        onnx.metadata("converter", PRODUCER + " " + VERSION + " (TFLite schema " + graph.schemaVersion() + ")");
        if (graph.description() != null) {
            onnx.metadata("tflite_description", graph.description());
        }
        onnx.metadata("layout", "rank-4 float inputs and outputs are NCHW; the TFLite model's are NHWC");
        byte[] bytes = OnnxWriter.write(onnx, PRODUCER, VERSION, "Converted from " + source);
        LOG.debug("TFLite model {}: {} operators → {} ONNX nodes, {} initializers, {} bytes, in {} ms", source,
                graph.operators().size(), onnx.nodes().size(), onnx.initializers().size(), bytes.length,
                (System.nanoTime() - start) / 1_000_000);
        return bytes;
    }

    /**
     * Converts {@code in} ({@code .tflite}) and writes the ONNX model to {@code out} (replacing it; written to a
     * temporary file beside it first).
     *
     * @throws ModelException as {@link #toOnnx(Path)}, or when {@code out} cannot be written
     */
    public static void convert(Path in, Path out) throws ModelException {
        byte[] onnx = toOnnx(in);
        Path target = out.toAbsolutePath();
        try {
            if (target.getParent() != null) {
                Files.createDirectories(target.getParent());
            }
            Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            try {
                Files.write(temp, onnx);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new ModelException("Cannot write the ONNX model " + target + ": " + e
                    + ". Fix: choose a writable output path", e);
        }
    }

    /** The error for a quantized tensor. */
    static ModelException quantized(TfliteGraph graph, TfliteTensor tensor) {
        return new ModelException("TFLite model " + graph.source() + " is quantized (tensor " + tensor.describe()
                + (tensor.quantized() ? " has quantization parameters" : "") + "): quantized (int8/uint8/int16)"
                + " models are not supported by Loupe's TFLite importer, only float32 models and float32 models with"
                + " float16 or sparse weights. Fix: use the float version of the model (MediaPipe ships float"
                + " .tflite files), or export an ONNX model and quantize it for ONNX Runtime");
    }

    private static void checkFloat(TfliteGraph graph) throws ModelException {
        for (TfliteTensor tensor : graph.tensors()) {
            if (tensor.type().quantizable()) {
                throw quantized(graph, tensor);
            }
        }
    }

    private static void checkOperators(TfliteGraph graph) throws ModelException {
        Map<String, int[]> unsupported = new LinkedHashMap<>();
        for (TfliteOp op : graph.operators()) {
            if (OpConverters.find(op).isEmpty()) {
                unsupported.computeIfAbsent(op.name(), k -> new int[] {op.index(), 0})[1]++;
            }
        }
        if (unsupported.isEmpty()) {
            return;
        }
        StringBuilder list = new StringBuilder();
        unsupported.forEach((name, where) -> list.append(list.length() == 0 ? "" : ", ").append(name)
                .append(" (first at operator #").append(where[0]).append(where[1] > 1 ? ", " + where[1] + " times"
                        : "").append(')'));
        throw new ModelException("TFLite model " + graph.source() + " uses " + (unsupported.size() == 1
                ? "an operator" : unsupported.size() + " operators") + " Loupe's TFLite importer does not convert: "
                + list + ". Supported: " + supportedOperators() + ". Fix: convert the model to ONNX with another"
                + " tool (e.g. tf2onnx) and give Loupe the .onnx file");
    }

    private static int elementType(TfliteGraph graph, TfliteTensor tensor) throws ModelException {
        int type = tensor.type().onnxType();
        if (type == 0 || tensor.type() == TensorType.FLOAT16) {
            throw new ModelException("TFLite model " + graph.source() + ": graph input or output " + tensor.describe()
                    + " is of a type the importer does not support. Fix: use a model with float32 inputs and outputs");
        }
        return type;
    }

    private static String graphName(String source) {
        String name = Path.of(source).getFileName().toString();
        return name.replaceFirst("(?i)\\.tflite$", "");
    }
}
