package io.loupe.camera.stream;

import io.loupe.camera.Await;
import io.loupe.camera.Camera;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.CameraState;
import io.loupe.camera.CameraTuning;
import io.loupe.camera.Frame;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.Mailbox;
import io.loupe.camera.MailboxPolicy;
import io.loupe.camera.TestVideos;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Cameras against a real MJPEG-over-HTTP server written for the test ({@link MjpegServer}). */
class MjpegCameraTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final CameraTuning TUNING = CameraTuning.defaults()
            .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    private final FrameSourceRegistry registry = FrameSourceRegistry.withDefaults();

    private Camera camera(String id, URI url) {
        return new Camera(new CameraSpec(id, url, false, false, 0), registry, Clock.systemUTC(), TUNING);
    }

    /** Takes {@code count} frames; checks each is a decoded pattern frame without a stream timestamp. */
    private static void take(Mailbox box, int count) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        int taken = 0;
        while (taken < count && System.nanoTime() < deadline) {
            Frame frame = box.take(Duration.ofMillis(200));
            if (frame != null) {
                try {
                    assertEquals(-1, frame.ptsMicros(), "MJPEG over HTTP has no timestamps: arrival time is used");
                    assertTrue(frame.capturedAtMillis() > 0);
                    assertTrue(TestVideos.frameNumber(frame.mat()) < 25, "a pattern frame");
                    taken++;
                } finally {
                    frame.release();
                }
            }
        }
        assertEquals(count, taken, "frames taken");
    }

    @Test
    void mjpegOverHttp_deliversFrames_stampedOnArrival() throws Exception {
        try (MjpegServer server = MjpegServer.start(0, 25);
             Camera camera = camera("mjpeg", server.url(null))) {
            Mailbox box = camera.subscribe("live", new MailboxPolicy.Queue(10));

            camera.start();
            take(box, 10);

            assertEquals(CameraState.ONLINE, camera.status().state());
            String description = camera.status().info().description();
            assertTrue(description.contains("mjpeg") && description.contains("mpjpeg"), description);
        }
    }

    @Test
    void serverGoneAndBack_goesReconnecting_thenOnline_andFramesResume() throws Exception {
        MjpegServer server = MjpegServer.start(0, 25);
        int port = server.port();
        try (Camera camera = camera("mjpeg-outage", server.url(null))) {
            Mailbox box = camera.subscribe("live", new MailboxPolicy.Latest());
            camera.start();
            take(box, 5);

            // when the camera's server goes away
            server.close();

            // then the camera reports it and retries
            Await.until("reconnecting", WAIT, () -> camera.status().state() == CameraState.RECONNECTING);
            assertTrue(camera.status().reason().contains("127.0.0.1:" + port), camera.status().reason());

            // and when it is back on the same port, frames flow again
            server = MjpegServer.start(port, 25);
            Await.until("online again", WAIT, () -> camera.status().state() == CameraState.ONLINE);
            take(box, 5);
            assertTrue(camera.status().reconnects() >= 1);
        } finally {
            server.close();
        }
    }

    @Test
    void stalledServer_keepingTheConnectionOpen_isCaughtByTheWatchdog() throws Exception {
        // given a camera whose stream counts as stalled after 1 s without data
        try (MjpegServer server = MjpegServer.start(0, 25);
             Camera camera = camera("mjpeg-stall", server.url("timeout=1"))) {
            Mailbox box = camera.subscribe("live", new MailboxPolicy.Latest());
            camera.start();
            take(box, 5);

            // when the server stops sending but keeps the socket open
            server.stall();

            // then the camera goes reconnecting, saying it stalled
            Await.until("a stall", WAIT, () -> camera.status().state() == CameraState.RECONNECTING
                    && camera.status().reason().contains("stalled"));
            assertTrue(camera.status().reason().contains("no data from http://127.0.0.1:" + server.port()),
                    camera.status().reason());
        }
    }

    @Test
    void close_duringABlockedNetworkRead_returnsPromptly_andLeavesNoThread() throws Exception {
        // given a camera with a long I/O timeout, reading from a server that went silent
        try (MjpegServer server = MjpegServer.start(0, 25)) {
            Camera camera = camera("mjpeg-close", server.url("timeout=60"));
            Mailbox box = camera.subscribe("live", new MailboxPolicy.Latest());
            camera.start();
            take(box, 3);
            server.stall();
            Thread.sleep(300);

            // when the camera is closed while FFmpeg waits for data
            long start = System.nanoTime();
            camera.close();
            double seconds = (System.nanoTime() - start) / 1e9;

            // then the blocked read was cut short: no waiting for the 60 s timeout, no thread left
            assertTrue(seconds < 2, "close took " + seconds + " s");
            assertEquals(0, Await.threads("camera-mjpeg-close"));
            assertEquals(CameraState.OFFLINE, camera.status().state());
        }
    }
}
