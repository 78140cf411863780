package io.loupe.camera.bench;

import io.loupe.camera.Camera;
import io.loupe.camera.CameraException;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.Frame;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceFactory;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.Mailbox;
import io.loupe.camera.MailboxPolicy;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import io.loupe.camera.ffmpeg.FfmpegInput;
import io.loupe.camera.ffmpeg.FfmpegLiveSource;
import io.loupe.camera.ffmpeg.HwAccel;
import org.bytedeco.opencv.opencv_core.Mat;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Prints decode and fan-out figures for this box (a benchmark, not a test):
 * <ol>
 *   <li>decode: a 1080p H.264 clip it writes first ({@link BenchClip}, libopenh264, 300 frames of the test pattern
 *       with sensor-like noise, 30 fps) decoded to BGR by
 *       {@link FfmpegLiveSource} on one thread (software, {@code threads=1}); frames per second, median of 3 runs;</li>
 *   <li>fan-out: the same clip through a {@link Camera} to 1 and to 3 {@code all} mailboxes, each drained by its own
 *       thread; the relative cost of 3 against 1 (median of 5 interleaved runs each).</li>
 * </ol>
 * Usage: {@code DecodeBench [frames] [width height]} (defaults 300, 1920 1080). The appliance's {@code bench} command
 * can call {@link #run}.
 */
public final class DecodeBench {

    private static final int RUNS = 3;
    /** Fan-out differences are small: more runs, interleaved, so that load from elsewhere hits both alike. */
    private static final int FAN_OUT_RUNS = 5;
    /** Sensor-like noise in the clip (grey levels), so that it decodes like camera footage, not like a flat card. */
    static final double NOISE_SIGMA = 6;

    private DecodeBench() {
    }

    /** Figures of one benchmark run. */
    public record Result(int frames, int width, int height, double megabitsPerSecond, double decodeFps,
                         double[] decodeRuns, double fanOut1Fps, double fanOut3Fps) {

        /** How much slower 3 consumers are than 1, e.g. 0.03 for 3 %. */
        public double fanOutCost() {
            return fanOut1Fps / fanOut3Fps - 1;
        }
    }

    public static void main(String[] args) throws Exception {
        int frames = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int width = args.length > 2 ? Integer.parseInt(args[1]) : 1920;
        int height = args.length > 2 ? Integer.parseInt(args[2]) : 1080;
        Result r = run(frames, width, height);
        System.out.printf(Locale.ROOT, "box: %d cores, %s, Java %s%n", Runtime.getRuntime().availableProcessors(),
                cpuModel(), System.getProperty("java.version"));
        System.out.printf(Locale.ROOT, "decode %dx%d H.264 (libopenh264, %d frames, %.1f Mbit/s) to BGR, 1 thread:"
                + " %.1f fps median (runs: %s)%n", r.width(), r.height(), r.frames(), r.megabitsPerSecond(),
                r.decodeFps(), runs(r.decodeRuns()));
        System.out.printf(Locale.ROOT, "fan-out through a Camera: 1 mailbox %.1f fps, 3 mailboxes %.1f fps;"
                + " 3 cost %+.1f %% against 1%n", r.fanOut1Fps(), r.fanOut3Fps(), 100 * r.fanOutCost());
    }

    /** Writes the clip to a temporary folder, measures, deletes the clip. */
    public static Result run(int frames, int width, int height) throws Exception {
        Path dir = Files.createTempDirectory("loupe-bench");
        Path clip = dir.resolve("bench-" + width + "x" + height + ".mp4");
        try {
            BenchClip.writeH264(clip, frames, width, height, 30, NOISE_SIGMA);
            decodeOnce(clip, frames); // warm-up: natives loaded, caches warm
            double[] decode = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                decode[i] = decodeOnce(clip, frames);
            }
            fanOut(clip, frames, 1);
            double[] one = new double[FAN_OUT_RUNS];
            double[] three = new double[FAN_OUT_RUNS];
            for (int i = 0; i < FAN_OUT_RUNS; i++) {
                one[i] = fanOut(clip, frames, 1);
                three[i] = fanOut(clip, frames, 3);
            }
            double megabits = Files.size(clip) * 8 / 1e6 / (frames / 30.0);
            return new Result(frames, width, height, megabits, median(decode), decode, median(one), median(three));
        } finally {
            Files.deleteIfExists(clip);
            Files.deleteIfExists(dir);
        }
    }

    private static FfmpegLiveSource decoder(Path clip) {
        return new FfmpegLiveSource(new FfmpegInput(clip.toString(), clip.getFileName().toString(), null, List.of(),
                HwAccel.NONE, Duration.ofSeconds(10), 1, "file"));
    }

    /** Frames per second decoding the whole clip into one reused {@code Mat}. */
    private static double decodeOnce(Path clip, int frames) throws CameraException {
        try (FfmpegLiveSource source = decoder(clip); Mat dst = new Mat()) {
            source.open();
            long start = System.nanoTime();
            for (int i = 0; i < frames; i++) {
                if (source.read(dst, Duration.ofSeconds(10)) != ReadStatus.FRAME) {
                    throw new IllegalStateException("no frame " + i + " from " + clip);
                }
            }
            return frames / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** Frames per second through a camera to {@code consumers} mailboxes, each drained by its own thread. */
    private static double fanOut(Path clip, int frames, int consumers) throws Exception {
        FrameSourceRegistry registry = new FrameSourceRegistry();
        registry.register(new ClipFactory(clip, frames));
        CameraSpec spec = new CameraSpec("bench", URI.create("benchclip:" + clip.getFileName()), false, false, 0);
        try (Camera camera = new Camera(spec, registry, Clock.systemUTC())) {
            List<Mailbox> boxes = new ArrayList<>();
            for (int i = 0; i < consumers; i++) {
                boxes.add(camera.subscribe("consumer-" + i, new MailboxPolicy.All(4)));
            }
            List<Thread> drains = new ArrayList<>();
            for (Mailbox box : boxes) {
                Thread t = new Thread(() -> drain(box), "bench-" + box.consumer());
                t.setDaemon(true);
                drains.add(t);
                t.start();
            }
            long start = System.nanoTime();
            camera.start();
            for (Thread t : drains) {
                t.join(Duration.ofMinutes(5).toMillis());
            }
            double fps = camera.status().frames() / ((System.nanoTime() - start) / 1e9);
            if (camera.status().frames() != frames) {
                throw new IllegalStateException("camera delivered " + camera.status().frames() + " of " + frames
                        + " frames: " + camera.status().reason());
            }
            return fps;
        }
    }

    private static void drain(Mailbox box) {
        try {
            while (!box.ended()) {
                Frame frame = box.take(Duration.ofMillis(200));
                if (frame != null) {
                    frame.release();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String runs(double[] values) {
        StringBuilder text = new StringBuilder();
        for (double v : values) {
            text.append(text.length() == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", v));
        }
        return text.toString();
    }

    private static String cpuModel() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (line.startsWith("model name")) {
                    return line.substring(line.indexOf(':') + 1).trim();
                }
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return System.getProperty("os.arch");
    }

    /** {@code benchclip:} — the clip decoded by {@link FfmpegLiveSource}, ending after its frames. */
    private record ClipFactory(Path clip, int frames) implements FrameSourceFactory {
        @Override
        public Set<String> schemes() {
            return Set.of("benchclip");
        }

        @Override
        public String check(CameraSpec spec) {
            return null;
        }

        @Override
        public FrameSource create(CameraSpec spec) {
            FfmpegLiveSource source = decoder(clip);
            return new FrameSource() {
                private int read;

                @Override
                public SourceInfo open() throws CameraException {
                    return source.open();
                }

                @Override
                public ReadStatus read(Mat dst, Duration timeout) throws CameraException {
                    if (read == frames) {
                        return ReadStatus.END;
                    }
                    ReadStatus status = source.read(dst, timeout);
                    if (status == ReadStatus.FRAME) {
                        read++;
                    }
                    return status;
                }

                @Override
                public long lastPtsMicros() {
                    return source.lastPtsMicros();
                }

                @Override
                public long lastDecodeNanos() {
                    return source.lastDecodeNanos();
                }

                @Override
                public void close() {
                    source.close();
                }
            };
        }
    }
}
