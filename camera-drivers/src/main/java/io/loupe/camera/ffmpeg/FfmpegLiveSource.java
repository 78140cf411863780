package io.loupe.camera.ffmpeg;

import io.loupe.camera.CameraException;
import io.loupe.camera.FrameSource;
import io.loupe.camera.ReadStatus;
import io.loupe.camera.SourceInfo;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVPacket;
import org.bytedeco.ffmpeg.avformat.AVFormatContext;
import org.bytedeco.ffmpeg.avformat.AVInputFormat;
import org.bytedeco.ffmpeg.avformat.AVIOInterruptCB;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVDictionary;
import org.bytedeco.ffmpeg.avutil.AVDictionaryEntry;
import org.bytedeco.ffmpeg.avutil.AVFrame;
import org.bytedeco.ffmpeg.avutil.AVRational;
import org.bytedeco.ffmpeg.swscale.SwsContext;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.javacpp.PointerPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Locale;

import static org.bytedeco.ffmpeg.global.avcodec.av_packet_alloc;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_free;
import static org.bytedeco.ffmpeg.global.avcodec.av_packet_unref;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_receive_frame;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_send_packet;
import static org.bytedeco.ffmpeg.global.avformat.AVFMT_NOTIMESTAMPS;
import static org.bytedeco.ffmpeg.global.avformat.av_find_best_stream;
import static org.bytedeco.ffmpeg.global.avformat.av_find_input_format;
import static org.bytedeco.ffmpeg.global.avformat.av_read_frame;
import static org.bytedeco.ffmpeg.global.avformat.avformat_alloc_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_close_input;
import static org.bytedeco.ffmpeg.global.avformat.avformat_find_stream_info;
import static org.bytedeco.ffmpeg.global.avformat.avformat_free_context;
import static org.bytedeco.ffmpeg.global.avformat.avformat_open_input;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EOF;
import static org.bytedeco.ffmpeg.global.avutil.AVERROR_EXIT;
import static org.bytedeco.ffmpeg.global.avutil.AVMEDIA_TYPE_VIDEO;
import static org.bytedeco.ffmpeg.global.avutil.AV_DICT_IGNORE_SUFFIX;
import static org.bytedeco.ffmpeg.global.avutil.AV_NOPTS_VALUE;
import static org.bytedeco.ffmpeg.global.avutil.AV_PIX_FMT_BGR24;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_free;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_get;
import static org.bytedeco.ffmpeg.global.avutil.av_dict_set;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_alloc;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_free;
import static org.bytedeco.ffmpeg.global.avutil.av_frame_unref;
import static org.bytedeco.ffmpeg.global.avutil.av_hwframe_transfer_data;
import static org.bytedeco.ffmpeg.global.swscale.SWS_BILINEAR;
import static org.bytedeco.ffmpeg.global.swscale.sws_freeContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_getCachedContext;
import static org.bytedeco.ffmpeg.global.swscale.sws_scale;
import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;

/**
 * A live stream read with FFmpeg's own API (the FFmpeg that JavaCV ships): RTSP, RTMP, HTTP (MJPEG, HLS, …) or a
 * V4L2 device. Built for streams that misbehave:
 * <ul>
 *   <li>An interrupt callback is installed before the stream is opened, so that every blocking FFmpeg call gives up
 *       once no data came for {@link FfmpegInput#ioTimeout()} (the stream is then stalled: {@code read} throws and the
 *       camera reopens it), or as soon as the capture thread is interrupted (camera closed). JavaCV's
 *       {@code FFmpegFrameGrabber} cannot do this: it makes the format context inside {@code start()}.</li>
 *   <li>Packets that come without ever giving a picture (audio only, undecodable video) do not hold {@code read}:
 *       it returns {@link ReadStatus#TIMEOUT} after its timeout, and the camera's watchdog decides.</li>
 *   <li>FFmpeg's error codes are kept and explained (connection refused, host unreachable, 401, 404, …).</li>
 * </ul>
 * Frames are converted by swscale straight into the caller's {@code Mat} (no intermediate copy). Presentation times
 * come from the stream when it has them, from 0 at each open; streams without them (MJPEG over HTTP) give -1, and the
 * camera stamps arrival time. Not thread-safe: one capture thread.
 */
public final class FfmpegLiveSource implements FrameSource {

    private static final Logger log = LoggerFactory.getLogger(FfmpegLiveSource.class);

    static {
        FfmpegSetup.init();
    }

    private final FfmpegInput input;
    private final long ioTimeoutNanos;
    private Interrupter interrupter;
    private AVFormatContext format;
    private AVCodecContext codec;
    private AVPacket packet;
    private AVFrame frame;
    private AVFrame transferred;
    private PointerPointer<?> frameData;
    private IntPointer frameLines;
    private PointerPointer<?> transferredData;
    private IntPointer transferredLines;
    private PointerPointer<Pointer> dstData;
    private IntPointer dstLines;
    private SwsContext sws;
    private int swsWidth;
    private int swsHeight;
    private int swsFormat = -1;
    private int streamIndex;
    private int hwPixelFormat = -1;
    private boolean warnedSoftware;
    private long timeBaseNum;
    private long timeBaseDen;
    private boolean noTimestamps;
    private long frameIntervalMicros;
    private long firstTs = Long.MIN_VALUE;
    private long lastPts = -1;
    private boolean ptsSeen;
    private long decodeNanos;
    private long lastDecodeNanos = -1;
    private boolean packetPending;
    private boolean flushed;

    /** An unopened source. */
    public FfmpegLiveSource(FfmpegInput input) {
        this.input = input;
        this.ioTimeoutNanos = input.ioTimeout().toNanos();
    }

    @Override
    public SourceInfo open() throws CameraException {
        if (format != null) {
            throw new IllegalStateException(input.label() + " is already open; close() it first");
        }
        interrupter = new Interrupter();
        interrupter.deadline(System.nanoTime() + 3 * ioTimeoutNanos);
        try {
            return openStream();
        } catch (CameraException | RuntimeException e) {
            close();
            throw e;
        }
    }

    private SourceInfo openStream() throws CameraException {
        AVInputFormat demuxer = null;
        if (input.inputFormat() != null) {
            demuxer = av_find_input_format(input.inputFormat());
            if (demuxer == null) {
                throw new CameraException("cannot open " + input.label() + ": this FFmpeg build has no '"
                        + input.inputFormat() + "' input");
            }
        }
        format = avformat_alloc_context();
        format.interrupt_callback().callback(interrupter);
        AVDictionary options = new AVDictionary(null);
        for (FfmpegOption option : input.options()) {
            av_dict_set(options, option.key(), option.value(), 0);
        }
        int result = avformat_open_input(format, input.url(), demuxer, options);
        logUnused(options);
        av_dict_free(options);
        if (result < 0) {
            format = null; // FFmpeg freed it
            throw new CameraException("cannot open " + input.label() + ": " + failure(result, "connecting"));
        }
        result = avformat_find_stream_info(format, (PointerPointer<?>) null);
        if (result < 0) {
            throw new CameraException("cannot read the stream of " + input.label() + ": "
                    + failure(result, "probing the stream"));
        }
        streamIndex = av_find_best_stream(format, AVMEDIA_TYPE_VIDEO, -1, -1, (PointerPointer<?>) null, 0);
        if (streamIndex < 0) {
            throw new CameraException(input.label() + " has no video stream (" + format.nb_streams()
                    + " other stream(s)); check the stream path and the camera's encoder settings");
        }
        AVStream stream = format.streams(streamIndex);
        AVRational timeBase = stream.time_base();
        timeBaseNum = timeBase.num();
        timeBaseDen = timeBase.den();
        noTimestamps = (format.iformat().flags() & AVFMT_NOTIMESTAMPS) != 0;
        DecoderSetup.Opened decoder = DecoderSetup.open(stream, input.hwaccel(), input.decoderThreads(),
                input.label());
        codec = decoder.context();
        hwPixelFormat = decoder.hwPixelFormat();
        if (decoder.fellBack()) {
            log.warn("{}: hardware decoding unavailable, decoding in software: {}", input.label(),
                    decoder.description());
        } else {
            log.debug("{}: decoder {}", input.label(), decoder.description());
        }
        packet = av_packet_alloc();
        frame = av_frame_alloc();
        transferred = av_frame_alloc();
        // AVFrame starts with data[8] then linesize[8]: swscale reads them in place, nothing is copied per frame
        frameData = new PointerPointer<>(frame);
        frameLines = frame.linesize();
        transferredData = new PointerPointer<>(transferred);
        transferredLines = transferred.linesize();
        dstData = new PointerPointer<>(4);
        dstLines = new IntPointer(4);
        double fps = rate(stream.avg_frame_rate());
        if (fps <= 0) {
            fps = rate(stream.r_frame_rate());
        }
        frameIntervalMicros = fps > 0 ? Math.round(1_000_000 / fps) : 40_000;
        int width = codec.width();
        int height = codec.height();
        String description = String.format(Locale.ROOT, "%s %dx%d %.3gfps %s (%s), decoder %s",
                avcodec_get_name(codec.codec_id()).getString(), width, height, fps, input.kind(),
                format.iformat().name().getString(), decoder.description());
        interrupter.deadline(System.nanoTime() + ioTimeoutNanos);
        return new SourceInfo(width, height, fps, description);
    }

    @Override
    public ReadStatus read(Mat dst, Duration timeout) throws CameraException {
        if (format == null) {
            throw new IllegalStateException(input.label() + " is not open; call open() first");
        }
        long start = System.nanoTime();
        long budget = timeout.toNanos();
        for (;;) {
            long t0 = System.nanoTime();
            int result = avcodec_receive_frame(codec, frame);
            if (result == 0) {
                convert(dst);
                stamp();
                lastDecodeNanos = decodeNanos + System.nanoTime() - t0;
                decodeNanos = 0;
                return ReadStatus.FRAME;
            }
            decodeNanos += System.nanoTime() - t0;
            if (result == AVERROR_EOF) {
                throw new CameraException(input.label() + " ended the stream; reconnecting (a live camera does not"
                        + " end: it was restarted, or the server dropped this client)");
            }
            if (result != FfmpegErrors.AGAIN) {
                throw new CameraException("decoding " + input.label() + " failed: " + FfmpegErrors.describe(result));
            }
            if (Thread.currentThread().isInterrupted()) {
                return ReadStatus.TIMEOUT;
            }
            if (System.nanoTime() - start > budget) {
                return ReadStatus.TIMEOUT; // packets flow but give no picture: the camera's watchdog decides
            }
            if (!packetPending) {
                if (flushed) {
                    continue;
                }
                interrupter.deadline(System.nanoTime() + ioTimeoutNanos);
                result = av_read_frame(format, packet);
                if (result < 0) {
                    if (interrupter.byThread()) {
                        return ReadStatus.TIMEOUT;
                    }
                    if (result == AVERROR_EOF) {
                        avcodec_send_packet(codec, null); // drain what the decoder holds, then report the end
                        flushed = true;
                        continue;
                    }
                    if (result == FfmpegErrors.AGAIN) {
                        sleepBriefly();
                        continue;
                    }
                    throw new CameraException(stalledOrFailed(result));
                }
                if (packet.stream_index() != streamIndex) {
                    av_packet_unref(packet);
                    continue;
                }
            }
            t0 = System.nanoTime();
            result = avcodec_send_packet(codec, packet);
            decodeNanos += System.nanoTime() - t0;
            if (result == FfmpegErrors.AGAIN) {
                packetPending = true; // the decoder is full: take a frame out first, then send this packet again
                continue;
            }
            packetPending = false;
            av_packet_unref(packet);
            if (result < 0 && result != FfmpegErrors.INVALID_DATA) {
                throw new CameraException("decoding " + input.label() + " failed: " + FfmpegErrors.describe(result));
            }
        }
    }

    @Override
    public long lastPtsMicros() {
        return lastPts;
    }

    @Override
    public long lastDecodeNanos() {
        return lastDecodeNanos;
    }

    @Override
    public void close() {
        if (format != null) {
            if (format.isNull()) {
                avformat_free_context(format);
            } else {
                avformat_close_input(format);
            }
            format = null;
        }
        if (codec != null) {
            avcodec_free_context(codec);
            codec = null;
        }
        if (packet != null) {
            av_packet_free(packet);
            packet = null;
        }
        if (frame != null) {
            av_frame_free(frame);
            frame = null;
        }
        if (transferred != null) {
            av_frame_free(transferred);
            transferred = null;
        }
        if (sws != null) {
            sws_freeContext(sws);
            sws = null;
            swsFormat = -1;
        }
        for (Pointer pointer : new Pointer[] {frameData, transferredData, dstData, dstLines}) {
            if (pointer != null) {
                pointer.close();
            }
        }
        frameData = null;
        transferredData = null;
        dstData = null;
        dstLines = null;
        frameLines = null;
        transferredLines = null;
        if (interrupter != null) {
            interrupter.close();
            interrupter = null;
        }
        firstTs = Long.MIN_VALUE;
        lastPts = -1;
        ptsSeen = false;
        packetPending = false;
        flushed = false;
    }

    /** Converts the decoded picture to BGR straight into {@code dst}. */
    private void convert(Mat dst) throws CameraException {
        PointerPointer<?> srcData = frameData;
        IntPointer srcLines = frameLines;
        AVFrame source = frame;
        if (hwPixelFormat >= 0) {
            if (frame.format() == hwPixelFormat) {
                av_frame_unref(transferred);
                int result = av_hwframe_transfer_data(transferred, frame, 0);
                if (result < 0) {
                    throw new CameraException("copying a decoded picture of " + input.label() + " from the GPU failed: "
                            + FfmpegErrors.describe(result));
                }
                source = transferred;
                srcData = transferredData;
                srcLines = transferredLines;
            } else if (!warnedSoftware) {
                warnedSoftware = true;
                log.warn("{}: the hardware decoder handed this stream back to software decoding", input.label());
            }
        }
        int width = source.width();
        int height = source.height();
        int pixelFormat = source.format();
        if (sws == null || width != swsWidth || height != swsHeight || pixelFormat != swsFormat) {
            sws = sws_getCachedContext(sws, width, height, pixelFormat, width, height, AV_PIX_FMT_BGR24,
                    SWS_BILINEAR, null, null, (DoublePointer) null);
            if (sws == null || sws.isNull()) {
                throw new CameraException("cannot convert pictures of " + input.label() + " (pixel format "
                        + pixelFormat + ", " + width + "x" + height + ") to BGR");
            }
            swsWidth = width;
            swsHeight = height;
            swsFormat = pixelFormat;
        }
        dst.create(height, width, CV_8UC3);
        dstData.put(0, dst.data());
        dstLines.put(0, (int) dst.step());
        sws_scale(sws, srcData, srcLines, 0, height, dstData, dstLines);
        av_frame_unref(transferred);
    }

    /** Presentation time of the frame just decoded, from 0 at the first, never going back. */
    private void stamp() {
        long ts = frame.best_effort_timestamp();
        if (noTimestamps || ts == AV_NOPTS_VALUE || timeBaseDen <= 0) {
            lastPts = ptsSeen ? lastPts + frameIntervalMicros : -1;
        } else {
            if (firstTs == Long.MIN_VALUE) {
                firstTs = ts;
            }
            long micros = Math.round((ts - firstTs) * 1e6 * timeBaseNum / timeBaseDen);
            lastPts = ptsSeen ? Math.max(lastPts + 1, micros) : Math.max(0, micros);
            ptsSeen = true;
        }
        av_frame_unref(frame);
    }

    private String stalledOrFailed(int code) {
        if (interrupter.fired() || code == AVERROR_EXIT || code == FfmpegErrors.TIMED_OUT) {
            return "no data from " + input.label() + " for " + seconds(ioTimeoutNanos) + " (stalled: the connection"
                    + " is open but nothing arrives); reopening it";
        }
        String hint = FfmpegErrors.networkHint(code);
        return "reading " + input.label() + " failed: " + FfmpegErrors.describe(code) + (hint.isEmpty() ? ""
                : " — " + hint);
    }

    private String failure(int code, String doing) {
        if (interrupter.fired() || code == FfmpegErrors.TIMED_OUT) {
            return "no answer within " + seconds(3 * ioTimeoutNanos) + " while " + doing
                    + " — is the host up and reachable from this box (firewall, VPN, cable)?";
        }
        String hint = FfmpegErrors.networkHint(code);
        return FfmpegErrors.describe(code) + (hint.isEmpty() ? "" : " — " + hint);
    }

    private void logUnused(AVDictionary options) {
        AVDictionaryEntry entry = null;
        while ((entry = av_dict_get(options, "", entry, AV_DICT_IGNORE_SUFFIX)) != null) {
            log.debug("{}: FFmpeg did not use option {}={}", input.label(), entry.key().getString(),
                    entry.value().getString());
        }
    }

    private static double rate(AVRational rational) {
        return rational.den() > 0 && rational.num() > 0 ? (double) rational.num() / rational.den() : 0;
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3g s", nanos / 1e9);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(5);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * FFmpeg's interrupt callback: asks every blocking call to give up when the deadline passed or the capture thread
     * was interrupted. Called on the thread that called FFmpeg, every 100 ms or so while it waits.
     */
    private static final class Interrupter extends AVIOInterruptCB.Callback_Pointer {
        private volatile long deadline;
        private volatile boolean fired;
        private volatile boolean byThread;

        void deadline(long nanos) {
            deadline = nanos;
            fired = false;
            byThread = false;
        }

        boolean fired() {
            return fired;
        }

        boolean byThread() {
            return byThread;
        }

        @Override
        public int call(Pointer opaque) {
            if (Thread.currentThread().isInterrupted()) {
                byThread = true;
                return 1;
            }
            if (System.nanoTime() - deadline > 0) {
                fired = true;
                return 1;
            }
            return 0;
        }
    }
}
