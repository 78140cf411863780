package io.loupe.camera;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

class CameraTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final FrameSourceRegistry registry = FrameSourceRegistry.withDefaults();

    private static CameraSpec spec(String id, URI url, boolean loop, boolean realtime, double maxFps) {
        return new CameraSpec(id, url, loop, realtime, maxFps);
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            Thread.sleep(10);
        }
    }

    private static boolean captureThreadAlive(String id) {
        return Thread.getAllStackTraces().keySet().stream()
                .anyMatch(t -> t.getName().equals("camera-" + id) && t.isAlive());
    }

    /** Takes every frame until the mailbox ends; records seq and the frame number drawn into the pixels. */
    private static Thread drain(Mailbox box, List<long[]> seen, long sleepMillis) {
        Thread t = new Thread(() -> {
            try {
                while (!box.ended()) {
                    Frame frame = box.take(Duration.ofMillis(200));
                    if (frame == null) {
                        continue;
                    }
                    try {
                        synchronized (seen) {
                            seen.add(new long[] {frame.seq(), TestVideos.frameNumber(frame.mat()), frame.ptsMicros()});
                        }
                        if (sleepMillis > 0) {
                            Thread.sleep(sleepMillis);
                        }
                    } finally {
                        frame.release();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-consumer-" + box.consumer());
        t.start();
        return t;
    }

    @Test
    void allMailbox_getsEveryFrameOfAFile_whileALatestOneOnTheSameCameraDropsAndCountsDrops(@TempDir Path dir)
            throws Exception {
        // given a 60-frame video replayed as fast as possible to a 'all' consumer and a slow 'latest' one
        Path clip = TestVideos.write(dir.resolve("line.mp4"), 60, 160, 120, 25);
        try (Camera camera = new Camera(spec("line", clip.toUri(), false, false, 0), registry, Clock.systemUTC())) {
            Mailbox all = camera.subscribe("replay", MailboxPolicy.parse("all"));
            Mailbox live = camera.subscribe("live", MailboxPolicy.parse("latest"));
            List<long[]> replayed = new ArrayList<>();
            List<long[]> sampled = new ArrayList<>();

            // when the camera runs to the end of the file
            Thread replayConsumer = drain(all, replayed, 0);
            Thread liveConsumer = drain(live, sampled, 25);
            camera.start();
            replayConsumer.join(WAIT.toMillis());
            liveConsumer.join(WAIT.toMillis());

            // then 'all' got every frame in order, with seq from 1 and increasing presentation times
            assertEquals(60, replayed.size());
            for (int i = 0; i < 60; i++) {
                assertEquals(i + 1, replayed.get(i)[0], "seq");
                assertEquals(i, replayed.get(i)[1], "frame number drawn in the pixels");
                assertEquals(i * 40_000L, replayed.get(i)[2], "pts");
            }
            // and 'latest' was offered every frame, dropped some and counted them
            assertEquals(60, live.received());
            assertTrue(live.dropped() > 0, "dropped " + live.dropped());
            assertEquals(live.received(), live.dropped() + sampled.size());
            assertEquals(0, all.dropped());
            // and the camera ended, with every mailbox ended
            CameraStatus status = camera.status();
            assertEquals(CameraState.ENDED, status.state());
            assertEquals(60, status.frames());
            assertEquals(160, status.info().width());
            assertNotNull(status.lastFrameAt());
            assertTrue(all.ended() && live.ended());
        }
    }

    @Test
    void frames_over600_comeFromAPoolThatNeverGrows() throws Exception {
        // given a pattern of 600 frames and one 'all(2)' consumer
        URI url = URI.create("test:pattern?width=64&height=48&frames=600");
        try (Camera camera = new Camera(spec("pattern", url, false, false, 0), registry, Clock.systemUTC())) {
            Mailbox box = camera.subscribe("all", new MailboxPolicy.All(2));
            Set<Frame> frames = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Long> buffers = new HashSet<>();
            long count = 0;

            // when every frame is taken and released
            camera.start();
            while (!box.ended()) {
                Frame frame = box.take(Duration.ofMillis(200));
                if (frame != null) {
                    count++;
                    frames.add(frame);
                    buffers.add(frame.mat().data().address());
                    assertEquals(frame.seq() - 1, TestVideos.frameNumber(frame.mat()));
                    frame.release();
                }
            }

            // then 600 frames went through at most pool-size (1 + 2 + 1) frames and pixel buffers
            assertEquals(600, count);
            assertTrue(frames.size() <= 4, "frames used: " + frames.size());
            assertTrue(buffers.size() <= 4, "pixel buffers used: " + buffers.size());
        }
    }

    @Test
    void maxFps_skipsFramesByPresentationTime() throws Exception {
        // given 50 frames at 25 fps capped at 5 fps
        URI url = URI.create("test:pattern?width=64&height=48&fps=25&frames=50");
        try (Camera camera = new Camera(spec("capped", url, false, false, 5), registry, Clock.systemUTC())) {
            Mailbox box = camera.subscribe("all", new MailboxPolicy.All(4));
            List<long[]> seen = new ArrayList<>();

            // when replayed
            Thread consumer = drain(box, seen, 0);
            camera.start();
            consumer.join(WAIT.toMillis());

            // then every fifth frame is delivered, numbered from 1
            assertEquals(10, seen.size());
            for (int i = 0; i < seen.size(); i++) {
                assertEquals(i + 1, seen.get(i)[0]);
                assertEquals(i * 5L, seen.get(i)[1]);
                assertEquals(i * 200_000L, seen.get(i)[2]);
            }
        }
    }

    @Test
    void openFailure_goesReconnectingWithTheReason_andOnlineOnceTheFileAppears(@TempDir Path dir) throws Exception {
        // given a camera on a file that is not there yet, with a short back-off
        Path clip = dir.resolve("late.mp4");
        CameraTuning tuning = CameraTuning.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(100));
        try (Camera camera = new Camera(spec("late", clip.toUri(), true, true, 0), registry, Clock.systemUTC(),
                tuning)) {
            Mailbox box = camera.subscribe("live", new MailboxPolicy.Latest());

            // when started
            camera.start();

            // then it retries, reporting why, without the exception leaving its thread
            await("reconnecting twice", () -> camera.status().reconnects() >= 2);
            CameraStatus failing = camera.status();
            assertEquals(CameraState.RECONNECTING, failing.state());
            assertTrue(failing.reason().contains("late.mp4") && failing.reason().contains("does not exist"),
                    failing.reason());
            assertTrue(captureThreadAlive("late"));

            // and when the file appears, frames flow and the state is online with no reason
            Path written = TestVideos.write(dir.resolve("writing.mp4"), 10, 96, 64, 25);
            Files.move(written, clip, StandardCopyOption.ATOMIC_MOVE);
            Frame frame = box.take(WAIT);
            assertNotNull(frame, "no frame after the file appeared");
            frame.release();
            await("online", () -> camera.status().state() == CameraState.ONLINE);
            assertEquals(null, camera.status().reason());
        }
    }

    @Test
    void stall_noFrameForTheStallTimeout_reconnects() throws Exception {
        // given a source that freezes after 3 frames and a 300 ms stall timeout
        registry.register(new StallingSourceFactory());
        CameraTuning tuning = CameraTuning.defaults().withStallTimeout(Duration.ofMillis(300))
                .withReadTimeout(Duration.ofMillis(50)).withBackoff(Duration.ofMillis(20), Duration.ofMillis(50));
        try (Camera camera = new Camera(spec("frozen", URI.create("stall:3"), false, false, 0), registry,
                Clock.systemUTC(), tuning)) {
            camera.subscribe("live", new MailboxPolicy.Latest());
            AtomicLong stallReason = new AtomicLong();

            // when it runs
            camera.start();

            // then the stall is reported and the source reopened, which gives frames again
            await("a stall", () -> {
                CameraStatus s = camera.status();
                if (s.state() == CameraState.RECONNECTING && s.reason().contains("no frame for")) {
                    stallReason.incrementAndGet();
                }
                return stallReason.get() > 0 && s.reconnects() >= 2;
            });
            await("frames after reopening", () -> camera.status().frames() >= 6);
        }
    }

    @Test
    void outOfMemoryErrorWhileReading_reconnectsWithBackoff_andFramesFlowAgainToTheSameMailbox() throws Exception {
        // given a source whose first session dies with JavaCPP's OutOfMemoryError after 3 frames
        ErrorThrowingSourceFactory errors = new ErrorThrowingSourceFactory();
        registry.register(errors);
        // a back-off long enough (240-360 ms) for the polling below to see the camera reconnecting, even on a busy box
        CameraTuning tuning = CameraTuning.defaults().withBackoff(Duration.ofMillis(300), Duration.ofMillis(500));
        try (Camera camera = new Camera(spec("oom", URI.create("error:oom"), false, false, 0), registry,
                Clock.systemUTC(), tuning)) {
            Mailbox box = camera.subscribe("live", new MailboxPolicy.Latest());
            List<String> reasons = Collections.synchronizedList(new ArrayList<>());

            // when it runs
            camera.start();

            // then the error is the reason while it reconnects, and the reopened source delivers to the same mailbox
            await("a second session with frames", () -> {
                CameraStatus s = camera.status();
                if (s.state() == CameraState.RECONNECTING) {
                    reasons.add(s.reason());
                }
                return errors.sessions.get() >= 2 && s.state() == CameraState.ONLINE && s.frames() >= 10;
            });
            assertTrue(reasons.stream().anyMatch(r -> r.contains("OutOfMemoryError")
                    && r.contains("Physical memory usage is too high")), "reasons seen: " + reasons);
            assertEquals(1, camera.status().reconnects());
            assertTrue(captureThreadAlive("oom"), "capture thread gone");
            assertTrue(!box.ended(), "mailbox ended");
            Frame frame = box.take(Duration.ofSeconds(5));
            assertNotNull(frame, "no frame after reconnecting");
            frame.release();
        }
    }

    @Test
    void nativeLibraryThatCannotLoad_goesOfflineWithTheReasonAndTheFix_withoutRetrying() throws Exception {
        registry.register(new ErrorThrowingSourceFactory());
        CameraTuning tuning = CameraTuning.defaults().withBackoff(Duration.ofMillis(20), Duration.ofMillis(50));
        try (Camera camera = new Camera(spec("nolib", URI.create("error:link"), false, false, 0), registry,
                Clock.systemUTC(), tuning)) {
            Mailbox box = camera.subscribe("live", new MailboxPolicy.Latest());

            camera.start();

            await("offline", () -> camera.status().state() == CameraState.OFFLINE);
            String reason = camera.status().reason();
            assertTrue(reason.contains("UnsatisfiedLinkError") && reason.contains("not retried")
                    && reason.contains("install the JavaCV/FFmpeg natives"), reason);
            await("mailbox ended", box::ended);
            await("thread gone", () -> !captureThreadAlive("nolib"));
            assertEquals(0, camera.status().reconnects());
        }
    }

    @Test
    void unknownScheme_goesOfflineWithTheReason_andEndsItsMailboxes() throws Exception {
        try (Camera camera = new Camera(spec("nowhere", URI.create("gige:cam0"), false, false, 0), registry,
                Clock.systemUTC())) {
            Mailbox box = camera.subscribe("live", new MailboxPolicy.Latest());

            camera.start();

            await("offline", () -> camera.status().state() == CameraState.OFFLINE);
            String reason = camera.status().reason();
            assertTrue(reason.contains("known schemes: file, http, https, rtmp, rtmps, rtsp, rtsps, test, v4l2"),
                    reason);
            await("mailbox ended", box::ended);
            await("thread gone", () -> !captureThreadAlive("nowhere"));
        }
    }

    @Test
    void close_isIdempotent_andLeavesNoCaptureThread() throws Exception {
        // given a live-like camera: looping pattern paced at 25 fps
        URI url = URI.create("test:pattern?width=64&height=48&fps=25");
        Camera camera = new Camera(spec("closing", url, true, true, 0), registry, Clock.systemUTC());
        Mailbox box = camera.subscribe("live", new MailboxPolicy.Latest());
        camera.start();
        await("online", () -> camera.status().state() == CameraState.ONLINE);
        await("fps measured", () -> camera.status().fps() > 0);
        double fps = camera.status().fps();
        assertTrue(fps > 5 && fps < 100, "fps " + fps);

        // when closed twice
        camera.close();
        camera.close();

        // then the thread is gone, the state says why, the mailbox ended and takes nothing
        assertTrue(!captureThreadAlive("closing"), "camera-closing still running");
        assertEquals(CameraState.OFFLINE, camera.status().state());
        assertEquals("closed", camera.status().reason());
        assertTrue(box.ended());
        assertEquals(null, box.take(Duration.ofMillis(10)));
        assertThrows(IllegalStateException.class, camera::start);
    }

    @Test
    void subscribe_afterStart_isRejected() {
        URI url = URI.create("test:pattern?width=64&height=48&frames=1");
        try (Camera camera = new Camera(spec("late-sub", url, false, false, 0), registry, Clock.systemUTC())) {
            camera.start();

            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> camera.subscribe("late", new MailboxPolicy.Latest()));
            assertTrue(e.getMessage().contains("before start()"), e.getMessage());
        }
    }

    @Test
    void stats_countFramesInAndOut_decodeTime_andCapDrops() throws Exception {
        // given a live-like 25 fps pattern capped at 5 fps
        URI url = URI.create("test:pattern?width=64&height=48&fps=25");
        try (Camera camera = new Camera(spec("stats", url, true, true, 5), registry, Clock.systemUTC())) {
            camera.subscribe("live", new MailboxPolicy.Latest());

            // when it runs for a while
            camera.start();
            await("fps measured", () -> camera.status().fpsIn() > 0 && camera.status().fpsOut() > 0);
            Thread.sleep(1_200);

            // then about 25 frames a second come in, about 5 go out, the rest count as drops
            CameraStatus status = camera.status();
            assertTrue(status.fpsIn() > 15 && status.fpsIn() < 35, status.toString());
            assertTrue(status.fpsOut() > 3 && status.fpsOut() < 8, status.toString());
            assertEquals(status.fps(), status.fpsOut());
            assertTrue(status.drops() > status.frames(), status.toString());
            assertTrue(status.decodeMillis() > 0 && status.decodeMillis() < 20, status.toString());
        }
    }

    @Test
    void consumerHoldingEveryFrame_doesNotBlockALiveCamera_whichCountsTheDrops() throws Exception {
        // given a live-like pattern and a consumer that keeps every frame it takes
        URI url = URI.create("test:pattern?width=64&height=48&fps=50");
        List<Frame> held = new ArrayList<>();
        try (Camera camera = new Camera(spec("hoarded", url, true, true, 0), registry, Clock.systemUTC())) {
            Mailbox box = camera.subscribe("hoarder", new MailboxPolicy.Latest());
            camera.start();

            // when the consumer holds all the pool's frames
            while (held.size() < 2) {
                Frame frame = box.take(Duration.ofMillis(200));
                if (frame != null) {
                    held.add(frame);
                }
            }
            long readBefore = camera.status().drops() + camera.status().frames();
            Thread.sleep(500);

            // then the camera keeps reading its source, and counts what it could not deliver
            CameraStatus status = camera.status();
            assertTrue(status.drops() + status.frames() > readBefore + 10, status.toString());
            assertTrue(status.drops() > 0, status.toString());
            assertEquals(CameraState.ONLINE, status.state());
        } finally {
            held.forEach(Frame::release);
        }
    }

    @Test
    void watchedFolder_quietForLongerThanTheStallTimeout_isNotReopened(@TempDir Path dir) throws Exception {
        // given a watched trap folder with one image, and a 200 ms stall timeout
        Path first = dir.resolve("a.bmp");
        try (org.bytedeco.opencv.opencv_core.Mat mat = new org.bytedeco.opencv.opencv_core.Mat(48, 64,
                org.bytedeco.opencv.global.opencv_core.CV_8UC3)) {
            org.bytedeco.opencv.global.opencv_imgcodecs.imwrite(first.toString(), mat);
        }
        CameraTuning tuning = CameraTuning.defaults().withStallTimeout(Duration.ofMillis(200))
                .withReadTimeout(Duration.ofMillis(50));
        URI url = URI.create(dir.toUri() + "?watch=true");
        try (Camera camera = new Camera(spec("trap", url, false, false, 0), registry, Clock.systemUTC(), tuning)) {
            camera.subscribe("pest", new MailboxPolicy.All(4));

            // when no new image comes for a second
            camera.start();
            await("the first image", () -> camera.status().frames() == 1);
            Thread.sleep(1_000);

            // then the camera is still online, never reopened
            assertEquals(CameraState.ONLINE, camera.status().state());
            assertEquals(0, camera.status().reconnects());
        }
    }
}
