package io.loupe.camera.ffmpeg;

import io.loupe.camera.CameraException;
import org.bytedeco.ffmpeg.avcodec.AVCodec;
import org.bytedeco.ffmpeg.avcodec.AVCodecContext;
import org.bytedeco.ffmpeg.avcodec.AVCodecHWConfig;
import org.bytedeco.ffmpeg.avcodec.AVCodecParameters;
import org.bytedeco.ffmpeg.avformat.AVStream;
import org.bytedeco.ffmpeg.avutil.AVBufferRef;
import org.bytedeco.ffmpeg.avutil.AVDictionary;

import java.util.ArrayList;
import java.util.List;

import static org.bytedeco.ffmpeg.global.avcodec.AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_alloc_context3;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_find_decoder_by_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_free_context;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_hw_config;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_get_name;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_open2;
import static org.bytedeco.ffmpeg.global.avcodec.avcodec_parameters_to_context;
import static org.bytedeco.ffmpeg.global.avutil.av_buffer_ref;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_find_type_by_name;

/**
 * Opens the video decoder of a stream: the hardware decoder asked for ({@link HwAccel}) when this box can use it,
 * else FFmpeg's software decoder, saying which and why in {@link Opened#description()}.
 */
final class DecoderSetup {

    /** A hardware decoder that cannot be used here; the message says why. */
    static final class Unavailable extends Exception {
        Unavailable(String message) {
            super(message, null, false, false);
        }
    }

    /**
     * An open decoder.
     *
     * @param context       the codec context, owned by the caller ({@code avcodec_free_context})
     * @param hwPixelFormat pixel format of frames left in device memory (to be transferred), or -1
     * @param description   e.g. {@code "h264 + cuda"} or {@code "h264 (software; hwaccel auto: cuda: no usable …)"}
     * @param fellBack      true when a hardware decoder was asked for (not {@code auto}) and software is used instead
     */
    record Opened(AVCodecContext context, int hwPixelFormat, String description, boolean fellBack) {
    }

    private DecoderSetup() {
    }

    /**
     * @throws CameraException when not even software can decode the stream, naming the codec
     */
    static Opened open(AVStream stream, HwAccel wish, int threads, String label) throws CameraException {
        AVCodecParameters parameters = stream.codecpar();
        int codecId = parameters.codec_id();
        String codec = avcodec_get_name(codecId).getString();
        List<HwAccel> tries = wish == HwAccel.AUTO ? HwAccel.AUTO_ORDER
                : wish == HwAccel.NONE ? List.of() : List.of(wish);
        List<String> refusals = new ArrayList<>();
        for (HwAccel accel : tries) {
            try {
                return accel.deviceType() != null ? withDevice(stream, codec, accel)
                        : dedicated(stream, codec, accel);
            } catch (Unavailable e) {
                refusals.add(tries.size() > 1 ? accel + ": " + e.getMessage() : e.getMessage());
            }
        }
        AVCodec decoder = avcodec_find_decoder(codecId);
        if (decoder == null) {
            throw new CameraException(label + " sends " + codec + " video, which this FFmpeg build cannot decode;"
                    + " set the camera to H.264, H.265 or MJPEG");
        }
        AVCodecContext context = context(decoder, stream, threads);
        int result = avcodec_open2(context, decoder, (AVDictionary) null);
        if (result < 0) {
            avcodec_free_context(context);
            throw new CameraException("cannot open FFmpeg's " + codec + " decoder for " + label + ": "
                    + FfmpegErrors.describe(result));
        }
        String how = wish == HwAccel.NONE ? "software"
                : "software; hwaccel " + wish + ": " + (refusals.isEmpty() ? "nothing to try" : String.join("; ",
                refusals));
        return new Opened(context, -1, decoder.name().getString() + " (" + how + ")", wish != HwAccel.AUTO
                && wish != HwAccel.NONE);
    }

    private static Opened withDevice(AVStream stream, String codec, HwAccel accel) throws Unavailable {
        AVCodec decoder = avcodec_find_decoder(stream.codecpar().codec_id());
        if (decoder == null) {
            throw new Unavailable("no " + codec + " decoder in this FFmpeg build");
        }
        int type = av_hwdevice_find_type_by_name(accel.deviceType());
        int pixelFormat = -1;
        for (int i = 0; ; i++) {
            AVCodecHWConfig config = avcodec_get_hw_config(decoder, i);
            if (config == null || config.isNull()) {
                break;
            }
            if ((config.methods() & AV_CODEC_HW_CONFIG_METHOD_HW_DEVICE_CTX) != 0 && config.device_type() == type) {
                pixelFormat = config.pix_fmt();
                break;
            }
        }
        if (pixelFormat < 0) {
            throw new Unavailable("FFmpeg's " + codec + " decoder cannot use " + accel + " in this build");
        }
        AVBufferRef device = HwDevices.get(accel.deviceType());
        AVCodecContext context = context(decoder, stream, 1);
        context.hw_device_ctx(av_buffer_ref(device));
        int result = avcodec_open2(context, decoder, (AVDictionary) null);
        if (result < 0) {
            avcodec_free_context(context);
            throw new Unavailable("opening the decoder failed (" + FfmpegErrors.describe(result) + ")");
        }
        return new Opened(context, pixelFormat, codec + " + " + accel, false);
    }

    private static Opened dedicated(AVStream stream, String codec, HwAccel accel) throws Unavailable {
        String name = codec + "_" + accel.decoderSuffix();
        AVCodec decoder = avcodec_find_decoder_by_name(name);
        if (decoder == null) {
            throw new Unavailable("this FFmpeg build has no " + name + " decoder");
        }
        AVCodecContext context = context(decoder, stream, 1);
        int result = avcodec_open2(context, decoder, (AVDictionary) null);
        if (result < 0) {
            avcodec_free_context(context);
            throw new Unavailable(name + " did not open (" + FfmpegErrors.describe(result) + ")");
        }
        return new Opened(context, -1, name, false);
    }

    private static AVCodecContext context(AVCodec decoder, AVStream stream, int threads) {
        AVCodecContext context = avcodec_alloc_context3(decoder);
        if (context == null || context.isNull()) {
            throw new OutOfMemoryError("FFmpeg could not allocate a decoder context");
        }
        avcodec_parameters_to_context(context, stream.codecpar());
        context.pkt_timebase(stream.time_base());
        context.thread_count(threads);
        return context;
    }
}
