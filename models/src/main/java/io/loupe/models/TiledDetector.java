package io.loupe.models;

import ai.onnxruntime.OrtException;
import io.loupe.models.decode.Candidates;
import io.loupe.models.decode.Decoder;
import io.loupe.models.decode.Nms;
import io.loupe.models.preprocess.LetterboxGeometry;
import io.loupe.models.preprocess.Tile;
import io.loupe.models.preprocess.TileGrid;
import java.util.ArrayList;
import java.util.List;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Sliced inference (as SAHI): the image is cut into overlapping tiles ({@link TileGrid}), each tile is fitted into the
 * model input on its own, tiles run in batches of up to the model's {@link Model#maxBatch()} (one session run per
 * batch), every tile's boxes are mapped back to the image, and the boxes of all tiles (plus those of a full-frame pass
 * when asked) are merged by class-aware greedy non-maximum merging with the spec's overlap measure (SAHI's GREEDYNMM:
 * NMS whose surviving box widens to cover the boxes it suppressed, so that the parts of an object cut by tile edges
 * come out as one whole box). Make one per worker thread with
 * {@link Model#newTiledDetector(TileSpec)}; not thread-safe. The grid is computed once per image size; per image only
 * the tile views (small Mat headers) and the results are allocated.
 */
public final class TiledDetector implements Detector, Model.Attached {

    private final Model model;
    private final Decoder decoder;
    private final TileSpec spec;
    private final float confidence;
    private final List<String> labels;
    private final SessionIo io;
    private final Candidates merged;
    private final Nms nms = new Nms();
    private final PhaseTimes phases = new PhaseTimes();
    private final LetterboxGeometry[] geometries;
    private List<Tile> tiles = List.of();
    private List<Rect> rects = List.of();
    private int gridWidth;
    private int gridHeight;
    private volatile boolean closed;

    TiledDetector(Model model, Decoder decoder, TileSpec spec, float confidence) throws OrtException {
        this.model = model;
        this.decoder = decoder;
        this.spec = spec;
        this.confidence = confidence;
        this.labels = model.info().labels();
        this.merged = new Candidates(1024, decoder.keypoints(), decoder.keypointDims());
        this.io = new SessionIo(model, model.maxBatch());
        this.geometries = new LetterboxGeometry[model.maxBatch()];
    }

    /** The tiling. */
    public TileSpec spec() {
        return spec;
    }

    /** The regions run for an image of this size: the tiles, row by row, then the whole frame when asked. */
    public List<Tile> regions(int width, int height) {
        List<Tile> grid = TileGrid.of(width, height, spec.tileWidth(), spec.tileHeight(), spec.overlap());
        if (!spec.fullFrame() || grid.size() == 1 && grid.get(0).width() == width && grid.get(0).height() == height) {
            return grid;
        }
        List<Tile> all = new ArrayList<>(grid);
        all.add(new Tile(0, 0, width, height));
        return List.copyOf(all);
    }

    @Override
    public List<Detection> detect(Mat bgr) throws ModelException {
        if (closed) {
            throw new IllegalStateException("This tiled detector of model '" + model.info().id() + "' is closed");
        }
        if (bgr == null || bgr.isNull() || bgr.empty()) {
            throw new ModelException("Model '" + model.info().id() + "': The image is empty; give an 8-bit BGR image"
                    + " (CV_8UC3)");
        }
        long stamp = model.lock().readLock();
        try {
            if (model.isClosed()) {
                throw model.closedError();
            }
            int width = bgr.cols();
            int height = bgr.rows();
            if (width != gridWidth || height != gridHeight) {
                layOut(width, height);
            }
            merged.clear();
            int capacity = io.capacity();
            long preprocess = 0;
            long inference = 0;
            long decode = 0;
            long t0 = System.nanoTime();
            for (int start = 0; start < tiles.size(); start += capacity) {
                int n = Math.min(capacity, tiles.size() - start);
                for (int i = 0; i < n; i++) {
                    try (Mat view = new Mat(bgr, rects.get(start + i))) {
                        geometries[i] = io.prepare(i, view);
                    }
                }
                long t1 = System.nanoTime();
                io.run(n);
                long t2 = System.nanoTime();
                preprocess += t1 - t0;
                inference += t2 - t1;
                for (int i = 0; i < n; i++) {
                    int from = merged.size();
                    decoder.decode(io.outputs(i), confidence, merged);
                    Tile tile = tiles.get(start + i);
                    BoxResults.toImage(merged, from, merged.size(), geometries[i], tile.x(), tile.y());
                }
                t0 = System.nanoTime();
                decode += t0 - t2;
            }
            int kept = nms.run(merged, spec.mergeThreshold(), Nms.DEFAULT_MAX_DETECTIONS, spec.mergeMetric(), true);
            List<Detection> found = BoxResults.detections(merged, nms, kept, labels, width, height);
            phases.set(preprocess, inference, decode + System.nanoTime() - t0);
            return found;
        } finally {
            model.lock().unlockRead(stamp);
        }
    }

    @Override
    public PhaseTimes phases() {
        return phases;
    }

    private void layOut(int width, int height) {
        rects.forEach(Rect::close);
        tiles = regions(width, height);
        List<Rect> made = new ArrayList<>(tiles.size());
        for (Tile t : tiles) {
            made.add(new Rect(t.x(), t.y(), t.width(), t.height()));
        }
        rects = made;
        gridWidth = width;
        gridHeight = height;
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        io.close();
        rects.forEach(Rect::close);
        model.forget(this);
    }
}
