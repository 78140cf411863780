package io.loupe.models.preprocess;

import java.util.Arrays;
import java.util.stream.Collectors;

/** How an image of any size is fitted into a model's fixed input. */
public enum ResizeMode {
    /** Aspect kept, centred, gray padding around it (Ultralytics' {@code LetterBox}). */
    LETTERBOX("letterbox"),
    /** Aspect kept, image in the top-left corner, padding right and below (YOLOX's {@code preproc}). */
    LETTERBOX_TOP_LEFT("letterbox-top-left"),
    /** Both axes scaled independently to the input size; no padding (anomalib, many classifiers). */
    STRETCH("stretch"),
    /**
     * Aspect kept, scaled so that the image covers the input, centre cut out (torchvision's {@code Resize} then
     * {@code CenterCrop}, Ultralytics classification). Parts of the image outside the crop are not seen.
     */
    CENTER_CROP("crop");

    private final String configName;

    ResizeMode(String configName) {
        this.configName = configName;
    }

    /** The name used in manifests: {@code letterbox}, {@code letterbox-top-left}, {@code stretch}, {@code crop}. */
    public String configName() {
        return configName;
    }

    /**
     * Parses a manifest value, ignoring case and surrounding blanks.
     *
     * @throws IllegalArgumentException when the value is not one of the accepted names; the message lists them
     */
    public static ResizeMode parse(String value) {
        String wanted = value == null ? "" : value.trim().toLowerCase(java.util.Locale.ROOT);
        for (ResizeMode mode : values()) {
            if (mode.configName.equals(wanted)) {
                return mode;
            }
        }
        throw new IllegalArgumentException("Unknown resize mode '" + value + "'; accepted values: "
                + Arrays.stream(values()).map(ResizeMode::configName).collect(Collectors.joining(", ")));
    }
}
