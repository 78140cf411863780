package io.loupe.models.mediapipe;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.loupe.models.ModelException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fetcher against a real HTTP server in the test (the JDK's): a tarball that is not the pinned one is refused and
 * nothing is written; an unreachable registry is its own error; models already in place are not downloaded again.
 */
class MediaPipeFetcherTest {

    @TempDir
    Path dir;

    @Test
    void fetch_tarballWithAnotherSha256_isRefusedAndWritesNoModel() throws Exception {
        // given a registry serving a tarball with the right entry names but other bytes
        byte[] fake = tarGz(Map.of("package/face_detection_short_range.tflite", "not a model".getBytes()));
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = serve(fake, 200, requests);
        try {
            MediaPipeFetcher fetcher = new MediaPipeFetcher(registry(server), Duration.ofSeconds(10), null);

            // when
            ModelException e = assertThrows(ModelException.class,
                    () -> fetcher.fetch(dir, EnumSet.of(MediaPipeModel.FACE_SHORT_RANGE)));

            // then
            assertTrue(e.getMessage().contains("has sha256 " + MediaPipeFetcher.sha256(fake) + ", not the recorded "
                    + NpmPackage.FACE_DETECTION.sha256()), e.getMessage());
            assertEquals(1, requests.get());
            assertFalse(Files.exists(dir.resolve("face_detection_short_range.tflite")));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void fetch_registryAnswering404_saysWhichPackageIsMissing() throws Exception {
        // given
        HttpServer server = serve(new byte[0], 404, new AtomicInteger());
        try {
            MediaPipeFetcher fetcher = new MediaPipeFetcher(registry(server), Duration.ofSeconds(10), null);

            // when
            ModelException e = assertThrows(ModelException.class,
                    () -> fetcher.fetch(dir, EnumSet.of(MediaPipeModel.POSE_DETECTOR)));

            // then
            assertFalse(e instanceof RegistryUnreachableException);
            assertTrue(e.getMessage().contains("HTTP 404 for " + registry(server) + "/@mediapipe/pose/-/pose-"
                    + NpmPackage.POSE.version() + ".tgz"), e.getMessage());
        } finally {
            server.stop(0);
        }
    }

    @Test
    void fetch_nobodyListening_isRegistryUnreachable() throws Exception {
        // given a port nothing listens on
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        MediaPipeFetcher fetcher = new MediaPipeFetcher(URI.create("http://127.0.0.1:" + port + "/"),
                Duration.ofSeconds(5), null);

        // when
        ModelException e = assertThrows(ModelException.class,
                () -> fetcher.fetch(dir, EnumSet.of(MediaPipeModel.FACE_FULL_RANGE)));

        // then
        assertInstanceOf(RegistryUnreachableException.class, e);
        assertTrue(e.getMessage().contains("Fix: check the network"), e.getMessage());
    }

    @Test
    void fetch_modelsAlreadyInPlace_downloadsNothingAndWritesManifestsLicenceAndNotice() throws Exception {
        // given the real short-range face model (fetched once for the tests) copied into an empty folder
        Path model = MediaPipeTestModels.require(MediaPipeModel.FACE_SHORT_RANGE);
        Files.copy(model, dir.resolve(model.getFileName()));
        AtomicInteger requests = new AtomicInteger();
        HttpServer server = serve(new byte[0], 500, requests);
        try {
            MediaPipeFetcher fetcher = new MediaPipeFetcher(registry(server), Duration.ofSeconds(10), null);

            // when
            FetchReport report = fetcher.fetch(dir, Set.of(MediaPipeModel.FACE_SHORT_RANGE));

            // then
            assertEquals(0, requests.get());
            assertEquals(List.of(), report.downloaded());
            assertEquals(List.of(dir.resolve("face_detection_short_range.tflite")), report.models());
            String manifest = Files.readString(dir.resolve("face_detection_short_range.model.yml"));
            assertTrue(manifest.contains("decoder: mediapipe-ssd") && manifest.contains("sha256: "
                    + MediaPipeModel.FACE_SHORT_RANGE.sha256()), manifest);
            assertTrue(Files.readString(dir.resolve(MediaPipeFetcher.LICENSE_FILE)).contains("Apache License"));
            assertTrue(Files.readString(dir.resolve(MediaPipeFetcher.NOTICE_FILE))
                    .contains("@mediapipe/face_detection 0.4.1657300184"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void tarGz_extractsTheWantedEntriesWithLongNames() throws Exception {
        // given
        String longName = "package/" + "d".repeat(120) + "/model.tflite";
        byte[] tgz = tarGz(Map.of("package/a.tflite", new byte[] {1, 2, 3}, longName, new byte[700],
                "package/b.txt", "b".getBytes()));

        // when
        Map<String, byte[]> found = TarGz.extract(tgz, Set.of("package/a.tflite", longName, "package/none"));

        // then
        assertArrayEquals(new byte[] {1, 2, 3}, found.get("package/a.tflite"));
        assertEquals(700, found.get(longName).length);
        assertEquals(2, found.size());
    }

    private static HttpServer serve(byte[] body, int status, AtomicInteger requests) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            requests.incrementAndGet();
            exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        return server;
    }

    private static URI registry(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** A gzip-compressed ustar archive of the given files (names over 100 bytes use the ustar prefix). */
    static byte[] tarGz(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                byte[] header = new byte[512];
                String name = file.getKey();
                String prefix = "";
                if (name.length() > 100) {
                    int slash = name.lastIndexOf('/');
                    prefix = name.substring(0, slash);
                    name = name.substring(slash + 1);
                }
                put(header, 0, name);
                put(header, 100, "0000644");
                put(header, 124, String.format("%011o", file.getValue().length));
                header[156] = '0';
                put(header, 257, "ustar");
                put(header, 345, prefix);
                gz.write(header);
                gz.write(file.getValue());
                gz.write(new byte[(512 - file.getValue().length % 512) % 512]);
            }
            gz.write(new byte[1024]);
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] b = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(b, 0, header, offset, b.length);
    }
}
