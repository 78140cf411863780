package io.loupe.pipelines.defect;

import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.defect.ngimage.HeatBlend;
import org.bytedeco.opencv.opencv_core.Mat;

/**
 * The anomaly heat map of the last part judged, for the live view: the verdict stage offers each part's map (copied
 * into a reused buffer: a part's map is small, and parts come at most a few per frame), the page's thread blends it
 * onto the frame the part was judged in. Thread-safe.
 */
public final class LiveHeat implements AutoCloseable {
    private final Mat map = new Mat();
    private final HeatBlend blend = new HeatBlend();
    private Box box;
    private double scale;
    private long frameSeq = -1;
    private boolean closed;

    /** Keeps a copy of a judged part's map; called on the worker thread. */
    synchronized void offer(FrameRef frame, Mat heatMap, Box heatBox, double heatScale) {
        if (closed || heatMap == null || heatMap.empty() || heatBox == null || heatBox.isEmpty()) {
            return;
        }
        heatMap.copyTo(map);
        box = heatBox;
        scale = heatScale;
        frameSeq = frame.seq();
    }

    /**
     * Blends the last map onto {@code canvas} when {@code canvas} shows the frame it was made in.
     *
     * @return whether anything was drawn
     */
    public synchronized boolean drawOn(Mat canvas, long canvasFrameSeq) {
        if (closed || frameSeq < 0 || canvasFrameSeq != frameSeq) {
            return false;
        }
        blend.blend(canvas, map, box, scale);
        return true;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            map.close();
            blend.close();
        }
    }
}
