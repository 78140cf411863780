package io.loupe.mqtt.bench;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Debian's Mosquitto ({@code /usr/sbin/mosquitto}) on a free loopback port, from a configuration written here, for the
 * benchmark and the tests; never the system service. It can be stopped and started again on the same port
 * ({@link #stop()}, {@link #start()}), with its persistence file kept when {@link Builder#persistence(boolean)} is on,
 * so that subscribers' sessions survive the restart like on a real broker. Started as root it stays root
 * ({@code user root}) so that it can read the test's files.
 *
 * <p>Per-client queues are unbounded ({@code max_queued_messages 0}): a draining outbox publishes thousands of
 * messages a second, and Mosquitto's default (1,000 per client) would drop them at a slow subscriber.
 */
public final class LocalMosquitto implements AutoCloseable {

    /** Where Debian's package puts it. */
    public static final Path BINARY = Path.of("/usr/sbin/mosquitto");

    private final Path dir;
    private final int port;
    private final Path conf;
    private final Path log;
    private final boolean tls;
    private Process process;

    private LocalMosquitto(Path dir, int port, Path conf, Path log, boolean tls) {
        this.dir = dir;
        this.port = port;
        this.conf = conf;
        this.log = log;
        this.tls = tls;
    }

    /** Whether Mosquitto is installed ({@code apt-get install mosquitto}). */
    public static boolean installed() {
        return Files.isExecutable(BINARY);
    }

    /** @param dir its folder: configuration, log, persistence */
    public static Builder builder(Path dir) {
        return new Builder(dir);
    }

    /** Configures a broker; {@link #start()} writes the configuration and starts it. */
    public static final class Builder {
        private final Path dir;
        private int port;
        private boolean persistence;
        private Path passwordFile;
        private Path caFile;
        private Path certFile;
        private Path keyFile;
        private boolean requireCertificate;
        private final List<String> extra = new ArrayList<>();

        private Builder(Path dir) {
            this.dir = Objects.requireNonNull(dir, "dir");
        }

        /** 0 (default): a free port. */
        public Builder port(int port) {
            this.port = port;
            return this;
        }

        /** Keep sessions, retained and queued messages across {@link #stop()}/{@link #start()}. */
        public Builder persistence(boolean persistence) {
            this.persistence = persistence;
            return this;
        }

        /** Require a user name and password from this file (made with {@code mosquitto_passwd}). */
        public Builder passwordFile(Path passwordFile) {
            this.passwordFile = passwordFile;
            return this;
        }

        /** A TLS listener with this CA, server certificate and key (PEM). */
        public Builder tls(Path caFile, Path certFile, Path keyFile, boolean requireCertificate) {
            this.caFile = caFile;
            this.certFile = certFile;
            this.keyFile = keyFile;
            this.requireCertificate = requireCertificate;
            return this;
        }

        /** Any other configuration line, e.g. {@code max_topic_alias 0}. */
        public Builder line(String line) {
            extra.add(line);
            return this;
        }

        /**
         * @throws IOException when it cannot be configured or does not listen within 10 s (its log is in the message)
         */
        public LocalMosquitto start() throws IOException, InterruptedException {
            Files.createDirectories(dir);
            int p = port != 0 ? port : freePort();
            List<String> lines = new ArrayList<>();
            lines.add("listener " + p + " 127.0.0.1");
            lines.add("user root");
            if (passwordFile != null) {
                lines.add("allow_anonymous false");
                lines.add("password_file " + passwordFile.toAbsolutePath());
            } else {
                lines.add("allow_anonymous true");
            }
            if (caFile != null) {
                lines.add("cafile " + caFile.toAbsolutePath());
                lines.add("certfile " + certFile.toAbsolutePath());
                lines.add("keyfile " + keyFile.toAbsolutePath());
                lines.add("require_certificate " + requireCertificate);
            }
            lines.add("persistence " + persistence);
            if (persistence) {
                lines.add("persistence_location " + dir.toAbsolutePath() + "/");
            }
            lines.add("max_queued_messages 0");
            lines.add("log_dest stdout");
            lines.add("log_type error");
            lines.add("log_type warning");
            lines.add("log_type notice");
            lines.add("log_type information");
            lines.addAll(extra);
            Path conf = dir.resolve("mosquitto.conf");
            Files.write(conf, lines);
            LocalMosquitto m = new LocalMosquitto(dir, p, conf, dir.resolve("mosquitto.log"), caFile != null);
            m.start();
            return m;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    /**
     * Starts it (again, on the same port and files after {@link #stop()}) and waits until it listens.
     *
     * @throws IOException when it does not listen within 10 s, with its log
     */
    public synchronized void start() throws IOException, InterruptedException {
        if (process != null && process.isAlive()) {
            return;
        }
        process = new ProcessBuilder(BINARY.toString(), "-c", conf.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (true) {
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > end) {
                    stop();
                    throw new IOException("mosquitto did not listen on " + port + ": " + log(), e);
                }
                Thread.sleep(10);
            }
        }
    }

    /** Stops it (SIGTERM: it saves its persistence file), waiting up to 10 s. Idempotent. */
    public synchronized void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
        }
        process = null;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    public int port() {
        return port;
    }

    /** {@code tcp://127.0.0.1:PORT}, or {@code ssl://…} for a TLS listener. */
    public String url() {
        return (tls ? "ssl" : "tcp") + "://127.0.0.1:" + port;
    }

    public Path dir() {
        return dir;
    }

    /** What it logged so far. */
    public String log() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    @Override
    public String toString() {
        return "LocalMosquitto[" + url() + ", " + dir + "]";
    }
}
