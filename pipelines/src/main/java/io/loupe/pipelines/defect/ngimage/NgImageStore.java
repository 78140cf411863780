package io.loupe.pipelines.defect.ngimage;

import io.loupe.pipelines.defect.Box;
import io.loupe.pipelines.defect.NgImageSettings;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * NG images of one pipeline, kept under {@code ngImages.dir} as {@code yyyyMMdd/HHmmssSSS-<part>.jpg} (UTC): the frame
 * with the overlay and, when there is one, the anomaly heat map over the part.
 *
 * <p>Never blocks the worker: {@link #submit} copies the frame into one of {@code queue} preallocated slots and hands
 * drawing, JPEG encoding and writing to one named thread ({@code ng-images-<pipeline>}); when every slot is busy the
 * image is dropped and counted. The writer makes room first ({@link Retention}: count and bytes, oldest first), then
 * writes to a temporary file and moves it into place, so the folder never holds more than the limits nor a half file.
 */
public final class NgImageStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NgImageStore.class);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HHmmssSSS").withZone(ZoneOffset.UTC);
    private static final int MAX_ID = 64;

    /**
     * The store's counters.
     *
     * @param saved   images written since start
     * @param dropped images dropped because the writer was busy
     * @param failed  images that could not be encoded or written (or were larger than the byte limit)
     * @param removed images removed to stay within the limits
     * @param count   images in the folder now
     * @param bytes   their bytes
     */
    public record Stats(long saved, long dropped, long failed, long removed, int count, long bytes) {
    }

    private static final class Slot {
        final Mat frame = new Mat();
        final Mat heat = new Mat();
        boolean hasHeat;
        Box heatBox;
        double heatScale;
        NgOverlay overlay;
        String relative;
    }

    private final String pipeline;
    private final NgImageSettings settings;
    private final Path root;
    private final Retention retention;
    private final NgImageRenderer renderer = new NgImageRenderer();
    private final ArrayBlockingQueue<Slot> free;
    private final Slot[] slots;
    private final ThreadPoolExecutor writer;
    private final AtomicLong saved = new AtomicLong();
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile int count;
    private volatile long bytes;
    private volatile long removed;
    private volatile List<String> newest = List.of();
    private boolean closed;

    /**
     * Opens the folder (creating it) and applies the limits to what is already there.
     *
     * @throws IOException when the folder cannot be created or read
     */
    public NgImageStore(String pipeline, NgImageSettings settings) throws IOException {
        if (settings.dir() == null) {
            throw new IllegalArgumentException("pipeline " + pipeline + ": ngImages.dir is not set");
        }
        this.pipeline = pipeline;
        this.settings = settings;
        this.root = settings.dir().toAbsolutePath().normalize();
        this.retention = new Retention(root, settings.maxCount(), settings.maxBytes());
        publishCounters();
        this.slots = new Slot[settings.queue()];
        this.free = new ArrayBlockingQueue<>(settings.queue());
        for (int i = 0; i < slots.length; i++) {
            slots[i] = new Slot();
            free.add(slots[i]);
        }
        this.writer = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
                new ArrayBlockingQueue<>(settings.queue()), r -> {
                    Thread t = new Thread(r, "ng-images-" + pipeline);
                    t.setDaemon(true);
                    return t;
                });
        LOG.info("pipeline {}: NG images in {} ({} kept, {} bytes; limits {} images, {} MB)", pipeline, root,
                retention.count(), retention.bytes(), settings.maxCount(), settings.maxMegabytes());
    }

    /** The folder the relative paths are under. */
    public Path root() {
        return root;
    }

    /**
     * Queues an NG image. Worker thread only; copies what it keeps and returns at once.
     *
     * @param partId    the part (sanitised into the file name)
     * @param at        the result's time (names the file)
     * @param frame     the frame (8-bit BGR); copied
     * @param overlay   what to draw
     * @param heatMap   the anomaly map over {@code heatBox}, or null; copied
     * @param heatScale the map value drawn hottest
     * @return the path the image will have, relative to {@link #root()}, or null when it was dropped (writer busy)
     */
    public String submit(String partId, Instant at, Mat frame, NgOverlay overlay, Mat heatMap, Box heatBox,
                         double heatScale) {
        Slot slot = free.poll();
        if (slot == null) {
            dropped.incrementAndGet();
            return null;
        }
        frame.copyTo(slot.frame);
        slot.hasHeat = heatMap != null && !heatMap.empty();
        if (slot.hasHeat) {
            heatMap.copyTo(slot.heat);
        }
        slot.heatBox = heatBox;
        slot.heatScale = heatScale;
        slot.overlay = overlay;
        slot.relative = DAY.format(at) + "/" + TIME.format(at) + "-" + safe(partId) + ".jpg";
        try {
            writer.execute(() -> write(slot));
        } catch (RejectedExecutionException e) {
            free.add(slot);
            dropped.incrementAndGet();
            return null;
        }
        return slot.relative;
    }

    static String safe(String partId) {
        String s = partId.replaceAll("[^A-Za-z0-9._-]", "_");
        return s.length() > MAX_ID ? s.substring(0, MAX_ID) : s;
    }

    private void write(Slot slot) {
        try (BytePointer buf = new BytePointer();
             IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, settings.jpegQuality())) {
            renderer.draw(slot.frame, slot.overlay, slot.hasHeat ? slot.heat : null, slot.heatBox, slot.heatScale);
            if (!imencode(".jpg", slot.frame, buf, params)) {
                throw new IOException("OpenCV could not encode the image as JPEG");
            }
            byte[] data = new byte[(int) buf.limit()];
            buf.get(data);
            if (!retention.makeRoom(data.length)) {
                failed.incrementAndGet();
                LOG.warn("pipeline {}: NG image {} ({} bytes) is larger than ngImages.maxMegabytes ({}); not saved",
                        pipeline, slot.relative, data.length, settings.maxMegabytes());
                return;
            }
            Path file = root.resolve(slot.relative);
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(tmp, data);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            retention.added(slot.relative, data.length);
            saved.incrementAndGet();
        } catch (IOException | RuntimeException e) {
            failed.incrementAndGet();
            LOG.warn("pipeline {}: NG image {} not saved: {}", pipeline, slot.relative, e.getMessage());
        } finally {
            publishCounters();
            free.add(slot);
        }
    }

    private void publishCounters() {
        count = retention.count();
        bytes = retention.bytes();
        removed = retention.removed();
        newest = retention.newest(50);
    }

    /**
     * The file for a relative path from a result, for the web page; empty when it is not (or no longer) there.
     * Paths that would leave the folder are refused (empty).
     */
    public Optional<Path> resolve(String relative) {
        if (relative == null || relative.isBlank()) {
            return Optional.empty();
        }
        Path file = root.resolve(relative).normalize();
        if (!file.startsWith(root) || !file.getFileName().toString().endsWith(".jpg") || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        return Optional.of(file);
    }

    /** The newest saved images (relative paths), newest first, at most 50. */
    public List<String> newest() {
        return newest;
    }

    public Stats stats() {
        return new Stats(saved.get(), dropped.get(), failed.get(), removed, count, bytes);
    }

    /**
     * Waits until every queued image is written (for shutdown and tests).
     *
     * @return false when that did not happen within {@code timeout}
     */
    public boolean flush(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        while (free.size() < slots.length) {
            if (System.nanoTime() > end) {
                return false;
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return true;
    }

    /** Writes what is queued (up to 5 s), stops the writer, frees the slots. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        writer.shutdown();
        try {
            if (!writer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("pipeline {}: NG image writer still busy after 5 s; stopping it", pipeline);
                writer.shutdownNow();
                writer.awaitTermination(1, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isTerminated()) {
            for (Slot s : slots) {
                s.frame.close();
                s.heat.close();
            }
            renderer.close();
        }
    }
}
