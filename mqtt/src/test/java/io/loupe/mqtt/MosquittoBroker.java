package io.loupe.mqtt;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A real Mosquitto (Debian's {@code /usr/sbin/mosquitto}) on a free loopback port, from a config generated here:
 * anonymous, no persistence, log to a file the JVM opens (so nothing needs to be writable by the {@code mosquitto}
 * user it drops to when started as root). Topic aliases stay at Mosquitto's default (10): the link must not depend
 * on them being off.
 */
final class MosquittoBroker implements AutoCloseable {

    private final Process process;
    private final int port;
    private final Path log;

    private MosquittoBroker(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static MosquittoBroker start(Path dir) throws IOException, InterruptedException {
        int port;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n",
                "listener " + port + " 127.0.0.1",
                "allow_anonymous true",
                "persistence false",
                "log_dest stdout",
                "log_type error",
                "log_type warning",
                "log_type notice",
                ""));
        Path log = dir.resolve("mosquitto.log");
        Process p = new ProcessBuilder(Requirements.MOSQUITTO.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        MosquittoBroker broker = new MosquittoBroker(p, port, log);
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return broker;
            } catch (IOException e) {
                if (!p.isAlive() || System.nanoTime() > end) {
                    broker.close();
                    throw new IOException("mosquitto did not listen on " + port + ": " + Files.readString(log), e);
                }
                Thread.sleep(20);
            }
        }
    }

    int port() {
        return port;
    }

    String url() {
        return "tcp://127.0.0.1:" + port;
    }

    String log() throws IOException {
        return Files.readString(log);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(5, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
    }
}
