package io.loupe.camera.file;

import io.loupe.camera.CameraException;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.Pacer;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMREAD_COLOR;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imread;

/**
 * Still images read by OpenCV: one image, every image of a folder (by extension), or the files of one folder matching
 * a glob; sorted by name, listed again at every pass so that a folder can fill up while the camera runs. A file that
 * does not decode is logged once and skipped.
 *
 * <p>Pacing: a single image that loops repeats at {@code maxFps}, or 1 fps when that is 0 (a still camera); a folder
 * or glob with {@code realtime} is paced the same way; otherwise images come as fast as they are read. Paced images
 * get synthetic presentation times (n / rate); unpaced ones have none (-1).
 *
 * <p>Watching ({@code ?watch=true}, a folder or glob that does not loop): the images there at open come first, by
 * name; then the folder is listed every {@value FolderWatch#POLL_MILLIS} ms and each new image is delivered once, by
 * name, when it has been left alone for {@value FolderWatch#SETTLE_MILLIS} ms ({@link FolderWatch}). The source never
 * ends and says it is {@link SourceInfo#sporadic()}, so that hours without a new image are not a stall. A folder
 * empty at open is fine (its size is then reported as 0x0). If the source is reopened (after an error), the images
 * present are delivered again.
 */
public final class ImageFilesSource implements FrameSource {

    private static final Logger log = LoggerFactory.getLogger(ImageFilesSource.class);

    private final CameraSpec spec;
    private final FileTarget target;
    private final FileTarget.Kind kind;
    private final double rate;
    private final Pacer pacer;
    private final Set<Path> reportedBad = new HashSet<>();
    private final FolderWatch watch;
    private List<Path> files = List.of();
    private int next;
    private int decodedThisPass;
    private long delivered;
    private long lastPts = -1;
    private long lastDecodeNanos = -1;
    private boolean open;

    ImageFilesSource(CameraSpec spec, FileTarget target, FileTarget.Kind kind) {
        this.spec = spec;
        this.target = target;
        this.kind = kind;
        boolean paced = kind == FileTarget.Kind.IMAGE ? spec.loop() : spec.realtime();
        this.rate = paced ? (spec.maxFps() > 0 ? spec.maxFps() : 1.0) : 0;
        long interval = rate > 0 ? Math.round(1_000_000 / rate) : 0;
        this.pacer = new Pacer(Math.max(Pacer.MAX_GAP_MICROS, 2 * interval));
        this.watch = target.watch() ? new FolderWatch() : null;
    }

    @Override
    public SourceInfo open() throws CameraException {
        if (open) {
            throw new IllegalStateException("images " + spec.url() + " are already open; close() first");
        }
        files = list();
        if (watch != null) {
            watch.handedOut(files);
        }
        if (files.isEmpty() && watch == null) {
            throw new CameraException(switch (kind) {
                case GLOB -> "glob " + spec.url() + " matches no file in " + target.path().toAbsolutePath()
                        + "; fix the pattern or add images";
                case FOLDER -> "folder " + spec.url() + " (" + target.path().toAbsolutePath() + ") holds no image ("
                        + String.join(", ", new TreeSet<>(FileTarget.IMAGE_EXTENSIONS)) + ")";
                default -> "image " + spec.url() + ": " + target.path().toAbsolutePath() + " does not exist; fix the"
                        + " camera URL (relative paths resolve against the config file's folder)";
            });
        }
        int width = 0;
        int height = 0;
        for (Path file : files) {
            Mat probe = imread(file.toString(), IMREAD_COLOR);
            try {
                if (!probe.empty()) {
                    width = probe.cols();
                    height = probe.rows();
                    break;
                }
                reportBad(file);
            } finally {
                probe.close();
            }
        }
        if (width == 0 && watch == null) {
            throw new CameraException("no decodable image in " + spec.url() + " (" + files.size()
                    + " file(s) tried, e.g. " + files.get(0).toAbsolutePath() + "); check the files are JPEG/PNG/BMP");
        }
        next = 0;
        decodedThisPass = 0;
        open = true;
        String what = switch (kind) {
            case IMAGE -> "image";
            case FOLDER -> "folder of " + files.size() + " images";
            default -> "glob of " + files.size() + " images";
        };
        String description = String.format(Locale.ROOT, "%s %dx%d (file%s%s%s)", what, width, height,
                spec.loop() ? ", loop" : "", watch != null ? ", watching for new files" : "",
                rate > 0 ? String.format(Locale.ROOT, ", %.3g fps", rate) : "");
        return new SourceInfo(width, height, rate, description, watch != null);
    }

    @Override
    public ReadStatus read(Mat dst, Duration timeout) throws CameraException {
        if (!open) {
            throw new IllegalStateException("images " + spec.url() + " are not open; call open() first");
        }
        long pts = rate > 0 ? Math.round(delivered * 1_000_000 / rate) : -1;
        if (rate > 0 && !pacer.dueWithin(pts, timeout)) {
            return ReadStatus.TIMEOUT;
        }
        long deadline = System.nanoTime() + timeout.toNanos();
        for (;;) {
            if (next >= files.size() && watch != null) {
                files = watch.fresh(list(), System.currentTimeMillis());
                next = 0;
                if (files.isEmpty()) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0 || !sleep(Math.min(left / 1_000_000 + 1, FolderWatch.POLL_MILLIS))) {
                        return ReadStatus.TIMEOUT;
                    }
                    continue;
                }
            }
            if (next >= files.size()) {
                if (!spec.loop()) {
                    return ReadStatus.END;
                }
                if (decodedThisPass == 0) {
                    throw new CameraException("no decodable image left in " + spec.url() + " ("
                            + files.size() + " file(s) tried); check the files");
                }
                files = list();
                next = 0;
                decodedThisPass = 0;
                if (files.isEmpty()) {
                    throw new CameraException("no image left in " + spec.url() + "; the files were removed");
                }
            }
            Path file = files.get(next++);
            long started = System.nanoTime();
            Mat image = imread(file.toString(), IMREAD_COLOR);
            try {
                if (image.empty()) {
                    reportBad(file);
                    continue;
                }
                image.copyTo(dst);
                lastDecodeNanos = System.nanoTime() - started;
            } finally {
                image.close();
            }
            decodedThisPass++;
            delivered++;
            lastPts = pts;
            return ReadStatus.FRAME;
        }
    }

    @Override
    public long lastPtsMicros() {
        return lastPts;
    }

    /** Reading and decoding the last image file (pacing and folder polling excluded). */
    @Override
    public long lastDecodeNanos() {
        return lastDecodeNanos;
    }

    @Override
    public void close() {
        open = false;
        files = List.of();
    }

    /** Sleeps; false when interrupted (the flag is restored). */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void reportBad(Path file) {
        if (reportedBad.add(file)) {
            log.warn("camera {}: skipping {}: not a decodable image", spec.id(), file.toAbsolutePath());
        }
    }

    /** The files of this target now, sorted by name. */
    private List<Path> list() throws CameraException {
        if (kind == FileTarget.Kind.IMAGE) {
            return Files.isRegularFile(target.path()) ? List.of(target.path()) : List.of();
        }
        Path folder = target.path();
        PathMatcher matcher = kind == FileTarget.Kind.GLOB
                ? FileSystems.getDefault().getPathMatcher("glob:" + target.glob()) : null;
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder.toString().isEmpty() ? Path.of(".")
                : folder)) {
            for (Path entry : entries) {
                Path name = entry.getFileName();
                boolean wanted = matcher != null ? matcher.matches(name) : FileTarget.isImageName(name.toString());
                if (wanted && Files.isRegularFile(entry)) {
                    found.add(entry);
                }
            }
        } catch (IOException e) {
            throw new CameraException("cannot list " + folder.toAbsolutePath() + " for " + spec.url() + ": " + e
                    + "; check the folder exists and is readable", e);
        }
        found.sort(Comparator.comparing(p -> p.getFileName().toString()));
        return found;
    }
}
