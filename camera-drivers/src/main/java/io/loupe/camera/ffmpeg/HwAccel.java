package io.loupe.camera.ffmpeg;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Which hardware decoder to use, written {@code hwaccel=…} in a camera URL. Two kinds exist in FFmpeg: a hardware
 * device behind FFmpeg's own decoder ({@code cuda} = NVDEC, {@code vaapi}, {@code vulkan}), and a separate decoder
 * named after the codec ({@code h264_cuvid}, {@code h264_qsv}, {@code h264_v4l2m2m}, {@code h264_rkmpp}). Whatever is
 * asked, a decoder that cannot be used falls back to software, and the choice and the reason are logged and shown in
 * the source's description.
 */
public enum HwAccel {
    /** Try {@link #AUTO_ORDER} in turn, else software. The default. */
    AUTO(null, null),
    /** Software decoding only. */
    NONE(null, null),
    /** NVIDIA NVDEC through a CUDA device. */
    CUDA("cuda", null),
    /** VA-API (Intel, AMD) through a DRM render node. */
    VAAPI("vaapi", null),
    /** Vulkan video. */
    VULKAN("vulkan", null),
    /** NVIDIA's CUVID decoders ({@code h264_cuvid}, …), frames copied to system memory by the driver. */
    CUVID(null, "cuvid"),
    /** Intel Quick Sync decoders ({@code h264_qsv}, …). */
    QSV(null, "qsv"),
    /** V4L2 memory-to-memory decoders (Raspberry Pi, many ARM boards). */
    V4L2M2M(null, "v4l2m2m"),
    /** Rockchip MPP decoders, where the FFmpeg build has them. */
    RKMPP(null, "rkmpp");

    /** What {@link #AUTO} tries, in order: the kinds that are cheap to rule out when absent. */
    public static final List<HwAccel> AUTO_ORDER = List.of(CUDA, VAAPI);

    private final String deviceType;
    private final String decoderSuffix;

    HwAccel(String deviceType, String decoderSuffix) {
        this.deviceType = deviceType;
        this.decoderSuffix = decoderSuffix;
    }

    /**
     * Reads a value as written in a URL, case-insensitive.
     *
     * @throws IllegalArgumentException naming the value and the accepted ones
     */
    public static HwAccel parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (HwAccel accel : values()) {
            if (accel.configName().equals(value)) {
                return accel;
            }
        }
        throw new IllegalArgumentException("hwaccel '" + text + "' is not known; accepted: " + accepted());
    }

    /** The accepted values, e.g. "auto, none, cuda, …". */
    public static String accepted() {
        return Arrays.stream(values()).map(HwAccel::configName).collect(Collectors.joining(", "));
    }

    /** The name as written in configuration, e.g. {@code cuda}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** FFmpeg's hardware device type ({@code av_hwdevice_find_type_by_name}), or {@code null}. */
    public String deviceType() {
        return deviceType;
    }

    /** Suffix of the dedicated decoder ({@code h264_} + suffix), or {@code null}. */
    public String decoderSuffix() {
        return decoderSuffix;
    }

    @Override
    public String toString() {
        return configName();
    }
}
