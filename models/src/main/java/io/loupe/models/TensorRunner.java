package io.loupe.models;

import io.loupe.models.decode.OutputTensor;
import io.loupe.models.preprocess.LetterboxGeometry;
import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The model's raw tensors, for custom decoders, checks and benchmarks: the same pre-processing, pinned input and output
 * buffers and shared session as the predictors, without decoding. For one thread; make one with
 * {@link Model#newTensorRunner()}.
 */
public interface TensorRunner extends AutoCloseable {

    /**
     * Pre-processes an image into the input tensor, as the model's predictors do.
     *
     * @throws ModelException when the image is empty or of an unsupported type
     * @throws IllegalStateException when this runner was closed
     */
    LetterboxGeometry prepare(Mat bgr) throws ModelException;

    /** The input tensor's memory (one image), direct and writable: fill it yourself instead of {@link #prepare}. */
    FloatBuffer input();

    /**
     * Runs the session on the input; the outputs are then in {@link #output(int)}.
     *
     * @throws ModelException when the model was closed or ONNX Runtime fails
     * @throws IllegalStateException when this runner was closed
     */
    void run() throws ModelException;

    /** The float outputs' names and shapes for one image, in session order. */
    List<OutputTensor> outputs();

    /** Output {@code i}'s memory (read with absolute gets; positions are not used). */
    FloatBuffer output(int i);

    /** Releases the buffers; idempotent. */
    @Override
    void close();
}
