package io.loupe.models;

import static org.bytedeco.opencv.global.opencv_core.CV_32F;
import static org.bytedeco.opencv.global.opencv_core.minMaxLoc;
import static org.bytedeco.opencv.global.opencv_imgproc.INTER_LINEAR;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_TOZERO;
import static org.bytedeco.opencv.global.opencv_imgproc.THRESH_TRUNC;
import static org.bytedeco.opencv.global.opencv_imgproc.WARP_INVERSE_MAP;
import static org.bytedeco.opencv.global.opencv_imgproc.threshold;
import static org.bytedeco.opencv.global.opencv_imgproc.warpAffine;
import static org.bytedeco.opencv.global.opencv_core.BORDER_REPLICATE;

import ai.onnxruntime.OrtException;
import io.loupe.models.decode.AnomalyDecoder;
import io.loupe.models.preprocess.LetterboxGeometry;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.opencv.global.opencv_core;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Scalar;
import org.bytedeco.opencv.opencv_core.Size;

/**
 * The {@link AnomalyDetector} of an anomaly model: pre-processing → shared session → score, and the anomaly map
 * normalised and mapped back onto the image. All per-pixel work is OpenCV: the map output is wrapped (not copied) in a
 * Mat, normalised in place with {@code convertTo} and two thresholds, warped onto the image's size with the inverse of
 * the pre-processing geometry, and summarised with {@code minMaxLoc} and {@code mean}. The mapped map is reused from
 * image to image (it is reallocated only when the image size changes).
 */
final class SessionAnomalyDetector implements AnomalyDetector, Model.Attached {

    private final Model model;
    private final AnomalyDecoder decoder;
    private final SessionIo io;
    private final Mat rawMap;
    private final Mat normalisedMap;
    private final Mat imageMap = new Mat();
    private final Mat transform;
    private final DoublePointer transformValues;
    private final DoublePointer min = new DoublePointer(1);
    private final DoublePointer max = new DoublePointer(1);
    private final Scalar zero = new Scalar(0.0);
    private LetterboxGeometry mapped;
    private Size imageSize;
    private volatile boolean closed;

    SessionAnomalyDetector(Model model, AnomalyDecoder decoder) throws OrtException {
        this.model = model;
        this.decoder = decoder;
        this.io = new SessionIo(model, 1);
        if (decoder.mapOutput() >= 0) {
            FloatPointer map = new FloatPointer(io.outputs(0)[decoder.mapOutput()]);
            this.rawMap = new Mat(decoder.mapHeight(), decoder.mapWidth(), CV_32F, map);
            this.normalisedMap = new Mat(decoder.mapHeight(), decoder.mapWidth(), CV_32F);
            this.transform = new Mat(2, 3, opencv_core.CV_64F, new Scalar(0.0));
            this.transformValues = new DoublePointer(transform.data());
        } else {
            this.rawMap = null;
            this.normalisedMap = null;
            this.transform = null;
            this.transformValues = null;
        }
    }

    @Override
    public AnomalyResult inspect(Mat bgr) throws ModelException {
        if (closed) {
            throw new IllegalStateException("This anomaly detector of model '" + model.info().id() + "' is closed");
        }
        long stamp = model.lock().readLock();
        try {
            if (model.isClosed()) {
                throw model.closedError();
            }
            LetterboxGeometry g = io.prepare(0, bgr);
            io.run(1);
            if (rawMap == null) {
                float score = decoder.normaliseScore(io.outputs(0)[decoder.scoreOutput()].get(0));
                return new AnomalyResult(score, decoder.threshold(), score >= decoder.threshold(), Float.NaN,
                        Float.NaN, null);
            }
            float raw;
            if (decoder.scoreOutput() >= 0) {
                raw = io.outputs(0)[decoder.scoreOutput()].get(0);
            } else {
                minMaxLoc(rawMap, min, max, null, null, null);
                raw = (float) max.get();
            }
            float score = decoder.normaliseScore(raw);
            mapToImage(g);
            minMaxLoc(imageMap, min, max, null, null, null);
            float mean;
            try (Scalar average = opencv_core.mean(imageMap)) {
                mean = (float) average.get(0);
            }
            return new AnomalyResult(score, decoder.threshold(), score >= decoder.threshold(), (float) max.get(),
                    mean, imageMap);
        } finally {
            model.lock().unlockRead(stamp);
        }
    }

    /** Normalises the raw map and warps it onto the image: source pixel → model input → map cell. */
    private void mapToImage(LetterboxGeometry g) {
        AnomalyDecoder.MapNormalisation n = decoder.mapNormalisation();
        rawMap.convertTo(normalisedMap, CV_32F, n.scale(), n.offset());
        if (n.clip()) {
            threshold(normalisedMap, normalisedMap, 1, 1, THRESH_TRUNC);
            threshold(normalisedMap, normalisedMap, 0, 0, THRESH_TOZERO);
        }
        if (!g.equals(mapped)) {
            double cellsPerInputX = (double) decoder.mapWidth() / g.inputWidth();
            double cellsPerInputY = (double) decoder.mapHeight() / g.inputHeight();
            // map = (source * scale + pad) * cells, sampled at pixel centres.
            double ax = g.scaleX() * cellsPerInputX;
            double ay = g.scaleY() * cellsPerInputY;
            transformValues.put(0, ax);
            transformValues.put(2, g.padLeft() * cellsPerInputX + 0.5 * ax - 0.5);
            transformValues.put(4, ay);
            transformValues.put(5, g.padTop() * cellsPerInputY + 0.5 * ay - 0.5);
            if (imageSize != null) {
                imageSize.close();
            }
            imageSize = new Size(g.sourceWidth(), g.sourceHeight());
            mapped = g;
        }
        warpAffine(normalisedMap, imageMap, transform, imageSize, INTER_LINEAR | WARP_INVERSE_MAP, BORDER_REPLICATE,
                zero);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        io.close();
        if (rawMap != null) {
            rawMap.close();
            normalisedMap.close();
            transform.close();
        }
        imageMap.close();
        min.close();
        max.close();
        zero.close();
        if (imageSize != null) {
            imageSize.close();
        }
        model.forget(this);
    }
}
