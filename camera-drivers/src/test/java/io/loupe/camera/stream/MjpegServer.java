package io.loupe.camera.stream;

import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceRegistry;
import org.bytedeco.javacpp.BytePointer;
import org.bytedeco.opencv.opencv_core.Mat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.opencv.global.opencv_imgcodecs.imencode;

/**
 * A small MJPEG camera for the tests: HTTP/1.0 {@code multipart/x-mixed-replace} on 127.0.0.1, as many cheap IP
 * cameras serve it, sending pre-encoded JPEGs of the {@code test:pattern} at a fixed rate to every client. It can
 * {@link #stall()} (keep the connections open, send nothing) and be {@link #close() closed} (connections reset), and
 * a new one can start on the same port. Threads: one acceptor and one writer per client, all daemons, all ended by
 * {@link #close()}.
 */
final class MjpegServer implements AutoCloseable {

    private static final String BOUNDARY = "loupeframe";

    private final ServerSocket server;
    private final List<byte[]> jpegs;
    private final long intervalMillis;
    private final List<Socket> clients = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean stalled;
    private volatile boolean closed;

    private MjpegServer(ServerSocket server, List<byte[]> jpegs, double fps) {
        this.server = server;
        this.jpegs = jpegs;
        this.intervalMillis = Math.round(1000 / fps);
    }

    /** Starts serving on {@code port} (0 for a free one) at {@code fps}. */
    static MjpegServer start(int port, double fps) throws Exception {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        MjpegServer server = new MjpegServer(socket, encode(25), fps);
        Thread acceptor = new Thread(server::accept, "mjpeg-server-accept");
        acceptor.setDaemon(true);
        server.threads.add(acceptor);
        acceptor.start();
        return server;
    }

    int port() {
        return server.getLocalPort();
    }

    URI url(String query) {
        return URI.create("http://127.0.0.1:" + port() + "/video.mjpg" + (query == null ? "" : "?" + query));
    }

    /** Stops sending while keeping every connection open, like a camera whose encoder hung. */
    void stall() {
        stalled = true;
    }

    /** Stops: closes the listening socket and every connection, waits for its threads. Idempotent. */
    @Override
    public void close() throws InterruptedException {
        closed = true;
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
        List<Thread> toJoin;
        synchronized (clients) {
            for (Socket client : clients) {
                try {
                    client.close();
                } catch (IOException ignored) {
                    // closing
                }
            }
            toJoin = new ArrayList<>(threads);
        }
        for (Thread t : toJoin) {
            t.join(5_000);
        }
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            synchronized (clients) {
                if (closed) {
                    closeQuietly(client);
                    return;
                }
                clients.add(client);
                Thread writer = new Thread(() -> serve(client), "mjpeg-server-client-" + clients.size());
                writer.setDaemon(true);
                threads.add(writer);
                writer.start();
            }
        }
    }

    private void serve(Socket client) {
        try (client; OutputStream out = client.getOutputStream()) {
            client.getInputStream().read(new byte[4096]); // the request; its content does not matter here
            out.write(("HTTP/1.0 200 OK\r\nContent-Type: multipart/x-mixed-replace;boundary=" + BOUNDARY
                    + "\r\nCache-Control: no-cache\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            for (int n = 0; !closed; n++) {
                if (stalled) {
                    Thread.sleep(20);
                    continue;
                }
                byte[] jpeg = jpegs.get(n % jpegs.size());
                out.write(("--" + BOUNDARY + "\r\nContent-Type: image/jpeg\r\nContent-Length: " + jpeg.length
                        + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.write(jpeg);
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                Thread.sleep(intervalMillis);
            }
        } catch (IOException | InterruptedException e) {
            // the client left or the server closed
        }
    }

    private static List<byte[]> encode(int count) throws Exception {
        CameraSpec spec = new CameraSpec("mjpeg", URI.create("test:pattern?width=320&height=240&fps=25"), false,
                false, 0);
        List<byte[]> jpegs = new ArrayList<>();
        try (FrameSource pattern = FrameSourceRegistry.withDefaults().create(spec); Mat mat = new Mat()) {
            pattern.open();
            for (int i = 0; i < count; i++) {
                pattern.read(mat, Duration.ofSeconds(1));
                try (BytePointer buffer = new BytePointer()) {
                    if (!imencode(".jpg", mat, buffer)) {
                        throw new IllegalStateException("OpenCV could not encode a JPEG");
                    }
                    byte[] bytes = new byte[(int) buffer.limit()];
                    buffer.get(bytes);
                    jpegs.add(bytes);
                }
            }
        }
        return jpegs;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
    }
}
