package io.loupe.camera.ffmpeg;

import org.bytedeco.ffmpeg.avutil.AVBufferRef;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import static org.bytedeco.ffmpeg.global.avutil.AV_HWDEVICE_TYPE_NONE;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_ctx_create;
import static org.bytedeco.ffmpeg.global.avutil.av_hwdevice_find_type_by_name;

/**
 * Hardware device contexts shared by every camera of the process (one CUDA context for all decoders), made on first
 * use and kept until the process ends. A device that cannot be made is remembered with the reason and not tried
 * again, so that a box without a GPU pays for the attempt once. Thread-safe.
 */
final class HwDevices {

    /** A device, or why there is none. */
    private record Device(AVBufferRef context, String failure) {
    }

    private static final Map<String, Device> DEVICES = new ConcurrentHashMap<>();

    private HwDevices() {
    }

    /**
     * The device context of that FFmpeg type ({@code cuda}, {@code vaapi}, …); the caller takes its own reference.
     *
     * @throws DecoderSetup.Unavailable with the reason when this box has no such device
     */
    static AVBufferRef get(String type) throws DecoderSetup.Unavailable {
        Device device = DEVICES.computeIfAbsent(type, HwDevices::create);
        if (device.context() == null) {
            throw new DecoderSetup.Unavailable(device.failure());
        }
        return device.context();
    }

    private static Device create(String typeName) {
        int type = av_hwdevice_find_type_by_name(typeName);
        if (type == AV_HWDEVICE_TYPE_NONE) {
            return new Device(null, "this FFmpeg build has no " + typeName + " support");
        }
        AVBufferRef context = new AVBufferRef(null);
        int result = av_hwdevice_ctx_create(context, type, (String) null, null, 0);
        if (result < 0 || context.isNull()) {
            return new Device(null, "no usable " + typeName + " device (" + FfmpegErrors.describe(result) + ")");
        }
        return new Device(context, null);
    }
}
