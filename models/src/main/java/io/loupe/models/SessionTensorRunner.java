package io.loupe.models;

import ai.onnxruntime.OrtException;
import io.loupe.models.decode.OutputTensor;
import io.loupe.models.preprocess.LetterboxGeometry;
import java.nio.FloatBuffer;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;

/** The {@link TensorRunner} of a model: its {@link SessionIo} for one image, without decoding. */
final class SessionTensorRunner implements TensorRunner, Model.Attached {

    private final Model model;
    private final SessionIo io;
    private volatile boolean closed;

    SessionTensorRunner(Model model) throws OrtException {
        this.model = model;
        this.io = new SessionIo(model, 1);
    }

    @Override
    public LetterboxGeometry prepare(Mat bgr) throws ModelException {
        checkOpen();
        long stamp = model.lock().readLock();
        try {
            if (model.isClosed()) {
                throw model.closedError();
            }
            return io.prepare(0, bgr);
        } finally {
            model.lock().unlockRead(stamp);
        }
    }

    @Override
    public FloatBuffer input() {
        checkOpen();
        return io.preprocessor().batchBuffer(1);
    }

    @Override
    public void run() throws ModelException {
        checkOpen();
        long stamp = model.lock().readLock();
        try {
            if (model.isClosed()) {
                throw model.closedError();
            }
            io.run(1);
        } finally {
            model.lock().unlockRead(stamp);
        }
    }

    @Override
    public List<OutputTensor> outputs() {
        return model.decoderContext().outputs();
    }

    @Override
    public FloatBuffer output(int i) {
        checkOpen();
        return io.outputs(0)[i];
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("This tensor runner of model '" + model.info().id() + "' is closed");
        }
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        io.close();
        model.forget(this);
    }
}
