package io.loupe.camera.stream;

import io.loupe.camera.TestData;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A real RTSP server for the tests: GStreamer's RTSP server (Debian's {@code gir1.2-gst-rtsp-server-1.0} through
 * {@code python3-gi}) run by {@code rtsp_server.py}, serving an H.264 MP4 as {@code rtsp://127.0.0.1:PORT/cam}.
 * Killing it is the camera outage; {@link #start()} again on the same port is the camera coming back;
 * {@link #freeze()} (SIGSTOP) is a camera that hangs with its connections open.
 */
final class RtspServer implements AutoCloseable {

    private static final String PYTHON = "/usr/bin/python3";
    private static Boolean available;

    private final Path clip;
    private final int port;
    private Process process;

    RtspServer(Path clip, int port) {
        this.clip = clip;
        this.port = port;
    }

    /** Skips the test (fails under {@code -Pci}) when GStreamer's RTSP server cannot run here. */
    static synchronized void require() {
        if (available == null) {
            available = probe();
        }
        TestData.requirePeer(available, "GStreamer RTSP server for Python (apt-get install python3-gi"
                + " gir1.2-gst-rtsp-server-1.0 gstreamer1.0-plugins-good gstreamer1.0-plugins-bad)");
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    URI url(String query) {
        return URI.create("rtsp://127.0.0.1:" + port + "/cam" + (query == null ? "" : "?" + query));
    }

    /** Starts the server and waits until it listens. */
    void start() throws Exception {
        Path script = Path.of(script());
        process = new ProcessBuilder(PYTHON, script.toString(), Integer.toString(port), clip.toString())
                .redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        CompletableFuture<String> ready = CompletableFuture.supplyAsync(() -> {
            try {
                StringBuilder seen = new StringBuilder();
                for (String line; (line = out.readLine()) != null; ) {
                    if (line.equals("ready")) {
                        return null;
                    }
                    seen.append(line).append('\n');
                }
                return "exited: " + seen;
            } catch (IOException e) {
                return e.toString();
            }
        });
        String problem = ready.get(30, TimeUnit.SECONDS);
        if (problem != null) {
            throw new IllegalStateException("RTSP server did not start on port " + port + ": " + problem);
        }
    }

    /** Kills the server (SIGKILL): connections drop at once, like a camera losing power. */
    void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
            process = null;
        }
    }

    /** Freezes the server (SIGSTOP): connections stay open and silent. */
    void freeze() throws Exception {
        signal("-STOP");
    }

    /** Lets a frozen server go on (SIGCONT). */
    void thaw() throws Exception {
        signal("-CONT");
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            thaw();
            kill();
        }
    }

    private void signal(String signal) throws Exception {
        if (process != null) {
            new ProcessBuilder("kill", signal, Long.toString(process.pid())).inheritIO().start().waitFor();
        }
    }

    private static String script() throws URISyntaxException {
        return Path.of(RtspServer.class.getResource("rtsp_server.py").toURI()).toString();
    }

    private static boolean probe() {
        try {
            Process p = new ProcessBuilder(PYTHON, "-c", "import gi; gi.require_version('Gst', '1.0');"
                    + " gi.require_version('GstRtspServer', '1.0'); from gi.repository import Gst, GstRtspServer;"
                    + " Gst.init(None); import sys; sys.exit(0 if all(Gst.ElementFactory.find(e) for e in"
                    + " ('qtdemux', 'h264parse', 'rtph264pay')) else 3)").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
