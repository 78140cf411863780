package io.loupe.camera.stream;

import io.loupe.camera.Await;
import io.loupe.camera.Camera;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.CameraState;
import io.loupe.camera.CameraStatus;
import io.loupe.camera.CameraTuning;
import io.loupe.camera.Frame;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.Mailbox;
import io.loupe.camera.MailboxPolicy;
import io.loupe.camera.bench.BenchClip;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cameras against a real RTSP server (GStreamer) on 127.0.0.1: outages, freezes, transports. */
class RtspCameraTest {

    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final CameraTuning TUNING = CameraTuning.defaults()
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    @TempDir
    static Path dir;
    private static Path clip;

    private final FrameSourceRegistry registry = FrameSourceRegistry.withDefaults();

    @BeforeAll
    static void clip() throws Exception {
        RtspServer.require();
        // 30 s of 320x240 H.264 at 25 fps, a key frame every second: longer than any test here needs
        clip = BenchClip.writeH264(dir.resolve("cam.mp4"), 750, 320, 240, 25);
    }

    private Camera camera(String id, URI url) {
        return new Camera(new CameraSpec(id, url, false, false, 0), registry, Clock.systemUTC(), TUNING);
    }

    /** Takes {@code count} frames, returning their presentation times. */
    private static List<Long> take(Mailbox box, int count) throws InterruptedException {
        List<Long> pts = new ArrayList<>();
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (pts.size() < count && System.nanoTime() < deadline) {
            Frame frame = box.take(Duration.ofMillis(200));
            if (frame != null) {
                pts.add(frame.ptsMicros());
                assertEquals(240, frame.mat().rows());
                frame.release();
            }
        }
        assertEquals(count, pts.size(), "frames taken");
        return pts;
    }

    @Test
    void rtspOverTcp_deliversFramesWithStreamTimestamps_andReportsItsStats() throws Exception {
        // given a real RTSP server and a camera on it (TCP is the default transport)
        try (RtspServer server = new RtspServer(clip, RtspServer.freePort())) {
            server.start();
            try (Camera camera = camera("rtsp-tcp", server.url(null))) {
                Mailbox box = camera.subscribe("all", new MailboxPolicy.Queue(50));

                // when it runs
                camera.start();
                List<Long> pts = take(box, 40);

                // then frames come with the stream's presentation times, increasing in 40 ms steps
                List<Long> stamped = pts.stream().filter(p -> p >= 0).toList();
                assertTrue(stamped.size() >= 39, "frames with a pts: " + pts);
                for (int i = 1; i < stamped.size(); i++) {
                    assertTrue(stamped.get(i) > stamped.get(i - 1), "pts go forward: " + pts);
                }
                long step = (stamped.get(stamped.size() - 1) - stamped.get(0)) / (stamped.size() - 1);
                assertTrue(Math.abs(step - 40_000) < 2_000, "mean pts step " + step + " µs");
                // and the status says what was negotiated and how it goes
                Await.until("fps measured", WAIT, () -> camera.status().fpsIn() > 0 && camera.status().fpsOut() > 0);
                CameraStatus status = camera.status();
                assertEquals(CameraState.ONLINE, status.state());
                assertEquals(320, status.info().width());
                String description = status.info().description();
                assertTrue(description.contains("h264") && description.contains("rtsp/tcp"), description);
                assertTrue(status.fpsIn() > 0 && status.fpsOut() > 0, status.toString());
                assertTrue(status.decodeMillis() > 0, status.toString());
            }
        }
    }

    @Test
    void serverKilledMidStream_goesReconnecting_thenOnlineWithinTheBackoff_andFramesResume() throws Exception {
        long threadsBefore = Await.threads("camera-");
        int port = RtspServer.freePort();
        try (RtspServer server = new RtspServer(clip, port)) {
            server.start();
            try (Camera camera = camera("rtsp-outage", server.url(null))) {
                Mailbox box = camera.subscribe("live", new MailboxPolicy.Latest());
                camera.start();
                take(box, 10);

                // when the server dies mid-stream
                server.kill();

                // then the camera says so, with the reason, and keeps retrying without blocking its consumer
                Await.until("reconnecting", WAIT, () -> camera.status().state() == CameraState.RECONNECTING);
                String reason = camera.status().reason();
                assertNotNull(reason);
                assertTrue(reason.contains("rtsp://127.0.0.1:" + port + "/cam"), reason);
                Await.until("a failed reopen", WAIT, () -> camera.status().reconnects() >= 2);

                // and when the server is back, the camera is online again within the back-off bound (1 s) plus
                // one open, and frames resume
                server.start();
                long back = System.nanoTime();
                Await.until("online again", WAIT, () -> camera.status().state() == CameraState.ONLINE);
                double seconds = (System.nanoTime() - back) / 1e9;
                assertTrue(seconds < 1 + 10, "online " + seconds + " s after the server came back");
                long before = camera.status().frames();
                take(box, 10);
                assertTrue(camera.status().frames() > before, "frames resumed");
                assertEquals(1, Await.threads("camera-rtsp-outage"), "one capture thread");
            }
        }
        // and closing leaves no capture thread behind
        Await.until("capture threads gone", WAIT, () -> Await.threads("camera-") == threadsBefore);
    }

    @Test
    void frozenServer_isDetectedAsAStall_andTheCameraComesBackWhenItThaws() throws Exception {
        try (RtspServer server = new RtspServer(clip, RtspServer.freePort())) {
            server.start();
            // given a camera whose stream counts as stalled after 1 s without data
            try (Camera camera = camera("rtsp-frozen", server.url("timeout=1"))) {
                Mailbox box = camera.subscribe("live", new MailboxPolicy.Latest());
                camera.start();
                take(box, 5);

                // when the server hangs with its connection open (SIGSTOP)
                server.freeze();

                // then the camera reports the stall and reconnects
                Await.until("a stall", WAIT, () -> camera.status().state() == CameraState.RECONNECTING
                        && camera.status().reason().contains("stalled"));

                // and once the server goes on, frames come again
                server.thaw();
                Await.until("online again", WAIT, () -> camera.status().state() == CameraState.ONLINE);
                take(box, 5);
            }
        }
    }

    @Test
    void rtspOverUdp_deliversFrames() throws Exception {
        try (RtspServer server = new RtspServer(clip, RtspServer.freePort())) {
            server.start();
            try (Camera camera = camera("rtsp-udp", server.url("transport=udp"))) {
                Mailbox box = camera.subscribe("live", new MailboxPolicy.Queue(10));
                camera.start();

                take(box, 10);

                assertTrue(camera.status().info().description().contains("rtsp/udp"),
                        camera.status().info().description());
            }
        }
    }
}
