package io.loupe.camera.stream;

import com.sun.net.httpserver.HttpServer;
import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import io.loupe.camera.TestVideos;
import io.loupe.camera.ffmpeg.FfmpegSetup;
import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.bytedeco.javacv.OpenCVFrameConverter;
import org.bytedeco.opencv.opencv_core.Mat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_YUV420P;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** An HLS stream (playlist and MPEG-TS segments written by FFmpeg) served over HTTP by the JDK's server. */
class HlsStreamTest {

    /** Writes {@code frames} pattern frames as HLS: {@code cam.m3u8} and 1-second segments. */
    private static Path writeHls(Path dir, int frames) throws Exception {
        FfmpegSetup.init();
        Path playlist = dir.resolve("cam.m3u8");
        CameraSpec spec = new CameraSpec("hls", URI.create("test:pattern?width=320&height=240&fps=25"), false,
                false, 0);
        FFmpegFrameRecorder recorder = new FFmpegFrameRecorder(playlist.toString(), 320, 240);
        try (FrameSource pattern = FrameSourceRegistry.withDefaults().create(spec); Mat mat = new Mat();
             OpenCVFrameConverter.ToMat converter = new OpenCVFrameConverter.ToMat()) {
            pattern.open();
            recorder.setFormat("hls");
            recorder.setOption("hls_time", "1");
            recorder.setOption("hls_list_size", "0");
            recorder.setOption("hls_playlist_type", "vod");
            recorder.setVideoCodecName("libopenh264");
            recorder.setPixelFormat(AV_PIX_FMT_YUV420P);
            recorder.setFrameRate(25);
            recorder.setGopSize(25);
            recorder.setVideoBitrate(400_000);
            recorder.start();
            for (int i = 0; i < frames; i++) {
                pattern.read(mat, Duration.ofSeconds(1));
                recorder.record(converter.convert(mat), AV_PIX_FMT_BGR24);
            }
            recorder.stop();
        } finally {
            recorder.release();
        }
        return playlist;
    }

    @Test
    void hlsPlaylistOverHttp_decodesFramesInOrder_withStreamTimestamps(@TempDir Path dir) throws Exception {
        // given 3 s of HLS served from a folder over HTTP
        writeHls(dir, 75);
        HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> new Thread(r, "hls-test-http"));
        http.setExecutor(pool);
        http.createContext("/", exchange -> {
            Path file = dir.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.getResponseHeaders().set("Content-Type", file.toString().endsWith(".m3u8")
                    ? "application/vnd.apple.mpegurl" : "video/mp2t");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        http.start();
        URI url = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/cam.m3u8");
        try (FrameSource source = FrameSourceRegistry.withDefaults().create(new CameraSpec("hls", url, false, false,
                0)); Mat dst = new Mat()) {
            // when read
            SourceInfo info = source.open();
            long lastPts = -1;
            for (int i = 0; i < 50; i++) {
                assertEquals(ReadStatus.FRAME, source.read(dst, Duration.ofSeconds(5)), "frame " + i);

                // then the frames are the pattern's, in order, with increasing stream timestamps
                assertEquals(i, TestVideos.frameNumber(dst), "frame number drawn in the pixels");
                assertTrue(source.lastPtsMicros() > lastPts, "pts " + source.lastPtsMicros() + " after " + lastPts);
                lastPts = source.lastPtsMicros();
            }
            assertEquals(320, info.width());
            assertTrue(info.description().contains("hls"), info.description());
        } finally {
            http.stop(0);
            pool.shutdownNow();
        }
    }
}
