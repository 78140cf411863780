package io.loupe.camera.stream;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.loupe.camera.Await;
import io.loupe.camera.Camera;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.CameraState;
import io.loupe.camera.CameraStatus;
import io.loupe.camera.CameraTuning;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.MailboxPolicy;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Network cameras that cannot work: each failure reported in words, retried or not, never crashing anything. */
class NetworkFailuresTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final CameraTuning TUNING = CameraTuning.defaults()
            .withBackoff(Duration.ofMillis(50), Duration.ofMillis(200));

    private final FrameSourceRegistry registry = FrameSourceRegistry.withDefaults();

    /** Runs a camera on {@code url} until {@code done} holds for its status; returns that status. */
    private CameraStatus runUntil(String url, Predicate<CameraStatus> done) throws InterruptedException {
        try (Camera camera = new Camera(new CameraSpec("cam", URI.create(url), false, false, 0), registry,
                Clock.systemUTC(), TUNING)) {
            camera.subscribe("live", new MailboxPolicy.Latest());
            camera.start();
            Await.until("the expected status of " + url, WAIT, () -> done.test(camera.status()));
            return camera.status();
        }
    }

    private static boolean retried(CameraStatus s) {
        return s.state() == CameraState.RECONNECTING && s.reconnects() >= 1;
    }

    @Test
    void unreachablePort_isReportedAsConnectionRefused_andRetried() throws Exception {
        CameraStatus status = runUntil("rtsp://127.0.0.1:1/cam", NetworkFailuresTest::retried);

        assertTrue(status.reason().contains("Connection refused"), status.reason());
        assertTrue(status.reason().contains("nothing listens at that address and port"), status.reason());
    }

    @Test
    void unreachableHttpCamera_isReportedAsConnectionRefused() throws Exception {
        CameraStatus status = runUntil("http://127.0.0.1:1/video.mjpg", NetworkFailuresTest::retried);

        assertTrue(status.reason().contains("cannot open http://127.0.0.1:1/video.mjpg: Connection refused"),
                status.reason());
    }

    @Test
    void unresolvableHostName_isReportedAsSuch() throws Exception {
        CameraStatus status = runUntil("rtsp://no-such-camera.invalid/stream1", NetworkFailuresTest::retried);

        assertTrue(status.reason().contains("host name 'no-such-camera.invalid' does not resolve"), status.reason());
    }

    @Test
    void urlWithoutHost_isOffline_withTheFix() throws Exception {
        CameraStatus status = runUntil("rtsp:///stream1", s -> s.state() == CameraState.OFFLINE);

        assertTrue(status.reason().contains("names no host"), status.reason());
        assertEquals(0, status.reconnects(), "a bad URL is not retried");
    }

    @Test
    void unknownTransport_isOffline_namingTheValue() throws Exception {
        CameraStatus status = runUntil("rtsp://10.0.0.7/s1?transport=sctp", s -> s.state() == CameraState.OFFLINE);

        assertTrue(status.reason().contains("transport 'sctp' is not known; accepted: tcp, udp"), status.reason());
    }

    @Test
    void credentials_neverAppearInTheStatusOrTheLogs() throws Exception {
        // given a camera whose URL carries a user, a password and a password parameter, and a log capture
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        root.addAppender(logs);
        try {
            // when it fails to connect, several times
            CameraStatus status = runUntil("rtsp://admin:s3cret@127.0.0.1:1/cam?user=admin&password=s3cret2",
                    s -> s.reconnects() >= 2);

            // then neither the status nor any log line shows the secrets, but they show where the camera is
            assertFalse(status.reason().contains("s3cret"), status.reason());
            assertTrue(status.reason().contains("rtsp://***@127.0.0.1:1/cam"), status.reason());
            assertFalse(logs.list.isEmpty(), "something was logged");
            for (ILoggingEvent event : logs.list) {
                String line = event.getFormattedMessage()
                        + (event.getThrowableProxy() == null ? "" : event.getThrowableProxy().getMessage());
                assertFalse(line.contains("s3cret"), line);
            }
        } finally {
            root.detachAppender(logs);
        }
    }
}
