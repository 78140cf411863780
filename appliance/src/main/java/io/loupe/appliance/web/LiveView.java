package io.loupe.appliance.web;

import io.loupe.camera.Frame;
import io.loupe.models.preprocess.Tile;
import io.loupe.pipelines.PipelineAlert;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.ResultSink;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Point;
import org.bytedeco.opencv.opencv_core.Scalar;

import io.loupe.pipelines.defect.InspectionArea;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;
import static org.bytedeco.opencv.global.opencv_imgproc.FONT_HERSHEY_SIMPLEX;
import static org.bytedeco.opencv.global.opencv_imgproc.LINE_AA;
import static org.bytedeco.opencv.global.opencv_imgproc.putText;
import static org.bytedeco.opencv.global.opencv_imgproc.rectangle;

/**
 * The latest frame of each camera with its pipeline's overlay, as JPEG for the page. The worker thread only copies a
 * frame into a reused buffer, at most {@value #MAX_FPS} times a second per camera; drawing and JPEG encoding happen on
 * the HTTP thread that asks, once per new frame however many viewers there are.
 */
public final class LiveView implements ResultSink, AutoCloseable {
    static final int MAX_FPS = 10;
    private static final long MIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1) / MAX_FPS;
    private static final Scalar RED = new Scalar(40, 40, 230, 0);
    private static final Scalar GREEN = new Scalar(60, 180, 60, 0);
    private static final Scalar BLACK = new Scalar(0, 0, 0, 0);
    private static final Scalar WHITE = new Scalar(255, 255, 255, 0);
    private static final Scalar YELLOW = new Scalar(40, 200, 230, 0);
    private static final Scalar GREY = new Scalar(150, 150, 150, 0);

    private final Map<String, Slot> slots = new ConcurrentHashMap<>();
    private final Map<String, List<InspectionArea>> areas = new ConcurrentHashMap<>();
    private final Map<String, List<Layer>> layers = new ConcurrentHashMap<>();
    private final Map<String, String> hidden = new ConcurrentHashMap<>();

    /**
     * Never keeps or serves {@code camera}'s picture (a gait pipeline's privacy): its frames are not copied at all, and
     * {@link #jpeg} gives nothing.
     *
     * @param why for the page and the API, e.g. where the skeleton is
     */
    public void hideVideo(String camera, String why) {
        hidden.put(camera, why);
        Slot slot = slots.remove(camera);
        if (slot != null) {
            synchronized (slot) {
                slot.latest.close();
            }
        }
    }

    /** Why {@code camera}'s picture is not shown, or null when it is. */
    public String hiddenBecause(String camera) {
        return hidden.get(camera);
    }

    /**
     * Something a pipeline draws on its camera's view under the results' boxes (the tiles it cuts a frame into, the
     * last part's anomaly heat map). Called on the HTTP thread that encodes the view; must not keep the canvas.
     */
    @FunctionalInterface
    public interface Layer {
        /**
         * @param canvas   a copy of the frame, drawn on in place
         * @param frameSeq the camera's number of that frame
         */
        void draw(Mat canvas, long frameSeq);
    }

    /** How a pipeline cuts a frame of a given size into tiles (e.g. {@code PestPipeline::tiles}). */
    @FunctionalInterface
    public interface TileLayout {
        List<Tile> tiles(int width, int height);
    }

    /** A layer of thin grey tile outlines. */
    public static Layer tiles(TileLayout layout) {
        return (canvas, seq) -> {
            for (Tile t : layout.tiles(canvas.cols(), canvas.rows())) {
                try (Point p1 = new Point(t.x(), t.y()); Point p2 = new Point(t.x() + t.width() - 1,
                        t.y() + t.height() - 1)) {
                    rectangle(canvas, p1, p2, GREY, 1, LINE_AA, 0);
                }
            }
        };
    }

    /**
     * Draws a pipeline's inspection area on its camera's view from now on: the ROI in yellow, ignore regions in grey.
     * The area must stay open while the page may ask (the appliance closes pipelines after the web server).
     */
    public void showArea(String camera, InspectionArea area) {
        areas.computeIfAbsent(camera, c -> new CopyOnWriteArrayList<>()).add(area);
    }

    /** Draws {@code layer} on the camera's view from now on. */
    public void showLayer(String camera, Layer layer) {
        layers.computeIfAbsent(camera, c -> new CopyOnWriteArrayList<>()).add(layer);
    }

    private static final class Slot {
        final Mat latest = new Mat();
        long version;
        long copiedAtNanos = Long.MIN_VALUE;
        long frameSeq = -1;
        Overlay overlay;
        byte[] jpeg;
        long jpegVersion = -1;
    }

    @Override
    public void accept(String pipeline, PipelineResult result, Frame frame) {
        if (frame == null || result instanceof PipelineAlert || hidden.containsKey(frame.cameraId())) {
            return;   // a result no frame reached (a trigger that timed out), an alert, or a private camera
        }
        Slot slot = slots.computeIfAbsent(frame.cameraId(), id -> new Slot());
        long now = System.nanoTime();
        synchronized (slot) {
            if (slot.copiedAtNanos != Long.MIN_VALUE && now - slot.copiedAtNanos < MIN_INTERVAL_NANOS) {
                return;
            }
            frame.mat().copyTo(slot.latest);
            slot.frameSeq = frame.seq();
            slot.overlay = Overlay.of(pipeline, result);
            slot.copiedAtNanos = now;
            slot.version++;
        }
    }

    /** The latest annotated frame of {@code camera} as JPEG, or null when none has arrived yet or it is hidden. */
    public byte[] jpeg(String camera) {
        Slot slot = slots.get(camera);
        if (slot == null || hidden.containsKey(camera)) {
            return null;
        }
        synchronized (slot) {
            if (slot.version == 0) {
                return null;
            }
            if (slot.jpegVersion != slot.version) {
                slot.jpeg = encode(slot.latest, slot.frameSeq, slot.overlay, areas.getOrDefault(camera, List.of()),
                        layers.getOrDefault(camera, List.of()));
                slot.jpegVersion = slot.version;
            }
            return slot.jpeg;
        }
    }

    private static byte[] encode(Mat frame, long frameSeq, Overlay overlay, List<InspectionArea> shown,
                                 List<Layer> drawn) {
        try (Mat canvas = frame.clone(); BytePointer buf = new BytePointer()) {
            for (Layer layer : drawn) {
                layer.draw(canvas, frameSeq);
            }
            for (InspectionArea area : shown) {
                if (area.hasRoi()) {
                    area.roi(canvas.cols(), canvas.rows()).draw(canvas, YELLOW, 1, 0, 0);
                }
                for (InspectionArea.Ignored ignored : area.ignore()) {
                    ignored.polygon().draw(canvas, GREY, 1, 0, 0);
                }
            }
            if (overlay.part() != null) {
                int[] b = overlay.part();
                try (Point p1 = new Point(b[0], b[1]); Point p2 = new Point(b[0] + b[2], b[1] + b[3])) {
                    rectangle(canvas, p1, p2, overlay.alarm() ? RED : GREEN, 1, LINE_AA, 0);
                }
            }
            // Lines and text keep their size on the page when a large frame (a 2400 px trap picture) is shown small.
            int k = Math.max(1, Math.round(canvas.cols() / 640f));
            for (var d : overlay.marks()) {
                try (Point p1 = new Point(Math.round(d.x1()) - 2 * k, Math.round(d.y1()) - 2 * k);
                     Point p2 = new Point(Math.round(d.x2()) + 2 * k, Math.round(d.y2()) + 2 * k)) {
                    rectangle(canvas, p1, p2, GREEN, k, LINE_AA, 0);
                }
            }
            for (var d : overlay.boxes()) {
                try (Point p1 = new Point(Math.round(d.x1()) - k, Math.round(d.y1()) - k);
                     Point p2 = new Point(Math.round(d.x2()) + k, Math.round(d.y2()) + k);
                     Point text = new Point(Math.round(d.x1()), Math.max(12 * k, Math.round(d.y1()) - 4 * k))) {
                    rectangle(canvas, p1, p2, RED, 2 * k, LINE_AA, 0);
                    putText(canvas, String.format(Locale.ROOT, "%s %.2f", d.label(), d.score()), text,
                            FONT_HERSHEY_SIMPLEX, 0.45 * k, RED, k, LINE_AA, false);
                }
            }
            try (Point p1 = new Point(0, 0); Point p2 = new Point(canvas.cols(), 24 * k);
                 Point text = new Point(6 * k, 17 * k)) {
                rectangle(canvas, p1, p2, overlay.alarm() ? RED : BLACK, -1, LINE_AA, 0);
                putText(canvas, overlay.caption(), text, FONT_HERSHEY_SIMPLEX, 0.55 * k,
                        overlay.alarm() ? WHITE : GREEN, k, LINE_AA, false);
            }
            if (!imencode(".jpg", canvas, buf)) {
                throw new IllegalStateException("JPEG encoding of a " + canvas.cols() + "x" + canvas.rows() + " frame failed");
            }
            byte[] out = new byte[(int) buf.limit()];
            buf.get(out);
            return out;
        }
    }

    @Override
    public void close() {
        slots.values().forEach(s -> {
            synchronized (s) {
                s.latest.close();
            }
        });
        slots.clear();
    }
}
