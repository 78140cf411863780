package io.loupe.mqtt;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

import com.hivemq.configuration.service.InternalConfigurations;
import com.hivemq.embedded.EmbeddedHiveMQ;
import com.hivemq.migration.meta.PersistenceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An in-process MQTT 5 broker (HiveMQ CE embedded) for the demo ({@code mqtt.url: embedded}) and for tests. It binds
 * one TCP listener on the given host (127.0.0.1 unless told otherwise), keeps sessions, retained and queued messages
 * in {@code <dataDir>/data} (Xodus files; a restart on the same folder resumes them), reads the {@code config.xml}
 * this class writes into {@code <dataDir>/conf}, and never reports usage statistics. Stopping it releases every handle
 * on that folder, so the appliance can stop and start it on each configuration reload in one JVM.
 *
 * <p>Start takes about 2 s the first time on a folder and 1 s after; stop takes about 4 s (HiveMQ's graceful shutdown).
 * Real sites point {@code mqtt.url} at their own broker instead.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedBroker.class);
    private static final long START_TIMEOUT_SECONDS = 60;
    private static final int FREE_PORT_ATTEMPTS = 3;

    private final EmbeddedHiveMQ hive;
    private final String host;
    private final int port;
    private final Path dataDir;
    private boolean closed;

    private EmbeddedBroker(EmbeddedHiveMQ hive, String host, int port, Path dataDir) {
        this.hive = hive;
        this.host = host;
        this.port = port;
        this.dataDir = dataDir;
    }

    /**
     * Starts the broker and returns once it accepts connections.
     *
     * @param host    address to bind, e.g. {@code 127.0.0.1} (this box only) or {@code 0.0.0.0} (every interface)
     * @param port    TCP port; 0 picks a free one ({@link #port()} tells which)
     * @param dataDir the broker's folder (created if missing): {@code conf/}, {@code data/}, {@code extensions/}
     * @throws MqttLinkException when the port is in use, the folder cannot be written, or HiveMQ fails to start
     * @throws IllegalArgumentException for a blank host, a port outside 0..65535 or a null folder
     */
    public static EmbeddedBroker start(String host, int port, Path dataDir) throws MqttLinkException {
        return start(host, port, dataDir, null);
    }

    /**
     * As {@link #start(String, int, Path)}, with payloads and retained messages kept as {@code stores} says; null
     * chooses per store ({@link #persistence}). Tests use {@code FILE_NATIVE} to write a folder as an older Loupe did.
     */
    static EmbeddedBroker start(String host, int port, Path dataDir, PersistenceType stores)
            throws MqttLinkException {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException("embedded broker host must be set, e.g. \"127.0.0.1\"");
        }
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("embedded broker port " + port + " is out of range: use 1..65535,"
                    + " or 0 for a free port");
        }
        Objects.requireNonNull(dataDir, "dataDir");
        String h = host.strip();
        for (int attempt = 1; ; attempt++) {
            int p = port == 0 ? freePort(h) : port;
            if (port != 0) {
                checkFree(h, p);
            }
            try {
                return startOn(h, p, dataDir, stores);
            } catch (MqttLinkException e) {
                // A free port picked for us may be taken by someone else before HiveMQ binds it: pick another.
                if (port != 0 || attempt >= FREE_PORT_ATTEMPTS) {
                    throw e;
                }
                log.warn("Embedded MQTT broker could not use free port {} ({}); trying another", p, e.getMessage());
            }
        }
    }

    private static EmbeddedBroker startOn(String host, int port, Path dataDir, PersistenceType stores)
            throws MqttLinkException {
        Path conf = dataDir.resolve("conf");
        Path data = dataDir.resolve("data");
        Path extensions = dataDir.resolve("extensions");
        try {
            Files.createDirectories(conf);
            Files.createDirectories(data);
            Files.createDirectories(extensions);
            Files.writeString(conf.resolve("config.xml"), HiveMqConfig.render(host, port), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MqttLinkException("embedded MQTT broker cannot use folder " + dataDir.toAbsolutePath() + ": "
                    + e + "; make it writable or choose another data folder", e);
        }
        // HiveMQ installs a JVM-wide default uncaught-exception handler that exits the JVM on its own fatal errors;
        // the appliance must outlive its broker, so the previous handler is put back.
        Thread.UncaughtExceptionHandler previous = Thread.getDefaultUncaughtExceptionHandler();
        long t0 = System.nanoTime();
        InternalConfigurations.PAYLOAD_PERSISTENCE_TYPE.set(
                stores != null ? stores : persistence(data, "publish_payload_store"));
        InternalConfigurations.RETAINED_MESSAGE_PERSISTENCE_TYPE.set(
                stores != null ? stores : persistence(data, "retained_messages"));
        EmbeddedHiveMQ hive = EmbeddedHiveMQ.builder()
                .withConfigurationFolder(conf)
                .withDataFolder(data)
                .withExtensionsFolder(extensions)
                .withoutLoggingBootstrap()
                .build();
        try {
            hive.start().get(START_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException && e.getCause() != null ? e.getCause() : e;
            closeQuietly(hive);
            throw new MqttLinkException("embedded MQTT broker failed to start on " + host + ":" + port + " (data "
                    + dataDir.toAbsolutePath() + "): " + cause + "; see HiveMQ's log lines above (port in use,"
                    + " unreadable data folder), or choose another port or data folder", cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(hive);
            throw new MqttLinkException("interrupted while starting the embedded MQTT broker on " + host + ":" + port,
                    e);
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(previous);
        }
        EmbeddedBroker broker = new EmbeddedBroker(hive, host, port, dataDir);
        log.info("Embedded MQTT broker listening on {} (data {}) after {} ms", broker.url(), dataDir.toAbsolutePath(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
        return broker;
    }

    /**
     * How HiveMQ keeps one of its stores: in Xodus files ({@code FILE}), as it keeps sessions and queues, rather than
     * in its default RocksDB ({@code FILE_NATIVE}): as durable, and 30-55 MiB less resident memory with the demo's
     * three pipelines (PERFORMANCE.md, run E). A store a RocksDB already holds stays in RocksDB: the embedded HiveMQ
     * reports its version as a development snapshot and so skips its migrations, and switching would lose the
     * retained and queued messages of a box that ran an older Loupe.
     */
    static PersistenceType persistence(Path data, String store) throws MqttLinkException {
        Path folder = data.resolve("persistence").resolve(store);
        if (!Files.isDirectory(folder)) {
            return PersistenceType.FILE;
        }
        try (Stream<Path> files = Files.walk(folder, 3)) {
            return files.anyMatch(f -> f.getFileName().toString().startsWith("MANIFEST-"))
                    ? PersistenceType.FILE_NATIVE : PersistenceType.FILE;
        } catch (IOException e) {
            throw new MqttLinkException("embedded MQTT broker cannot read its folder " + folder.toAbsolutePath()
                    + ": " + e + "; make it readable or choose another data folder", e);
        }
    }

    /** A port nobody listens on right now (it may be taken before use: callers retry). */
    private static int freePort(String host) throws MqttLinkException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new MqttLinkException("cannot bind any port on " + host + " for the embedded MQTT broker: " + e
                    + "; check that the host is an address of this machine (e.g. 127.0.0.1)", e);
        }
    }

    /** Fails fast when the port is taken: HiveMQ itself would only log it and leave threads behind. */
    private static void checkFree(String host, int port) throws MqttLinkException {
        try (ServerSocket s = new ServerSocket()) {
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(host, port));
        } catch (BindException e) {
            throw new MqttLinkException("MQTT port " + port + " on " + host + " is already in use (" + e.getMessage()
                    + "): stop the other broker, or point mqtt.url at it instead of \"embedded\", or set mqtt.port"
                    + " to a free port (0 picks one)", e);
        } catch (IOException e) {
            throw new MqttLinkException("cannot bind " + host + ":" + port + " for the embedded MQTT broker: " + e
                    + "; check mqtt.host is an address of this machine (e.g. 127.0.0.1)", e);
        }
    }

    /** The port the broker listens on. */
    public int port() {
        return port;
    }

    public String host() {
        return host;
    }

    public Path dataDir() {
        return dataDir;
    }

    /** {@code tcp://HOST:PORT} to connect to; a wildcard bind address (0.0.0.0, ::) gives 127.0.0.1. */
    public String url() {
        String h = host;
        try {
            if (InetAddress.getByName(host).isAnyLocalAddress()) {
                h = "127.0.0.1";
            }
        } catch (IOException e) {
            // keep the configured name
        }
        if (h.indexOf(':') >= 0 && !h.startsWith("[")) {
            h = "[" + h + "]";
        }
        return "tcp://" + h + ":" + port;
    }

    /** Stops the broker (about 4 s); idempotent, never throws. Connected clients see the connection close. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        long t0 = System.nanoTime();
        // HiveMQ's stop leaves its Xodus stores' directory handles open (XodusDirectoryHandles): ~320 per restart.
        XodusDirectoryHandles xodus = XodusDirectoryHandles.of(hive);
        closeQuietly(hive);
        xodus.closeStopped();
        log.info("Embedded MQTT broker on {} stopped after {} ms", url(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0));
    }

    private static void closeQuietly(EmbeddedHiveMQ hive) {
        try {
            hive.close();
        } catch (ExecutionException e) {
            log.warn("Embedded MQTT broker did not stop cleanly: {}", String.valueOf(e.getCause()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("Embedded MQTT broker did not stop cleanly: {}", e.toString());
        }
    }

    @Override
    public String toString() {
        return "EmbeddedBroker[" + url() + ", data " + dataDir + "]";
    }
}
