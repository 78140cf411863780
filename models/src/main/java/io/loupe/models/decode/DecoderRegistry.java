package io.loupe.models.decode;

import io.loupe.models.anomaly.AnomalibDecoder;
import io.loupe.models.classify.ClassifyDecoder;
import io.loupe.models.mediapipe.BlazePoseDecoder;
import io.loupe.models.mediapipe.SsdDecoder;
import io.loupe.models.yolo.YoloPoseDecoder;
import io.loupe.models.yolo.Yolov5Decoder;
import io.loupe.models.yolo.Yolov8Decoder;
import io.loupe.models.yolo.YoloxDecoder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decoder factories by key, e.g. {@code yolov8} (and its alias {@code yolo11}: the same head). Immutable; build a
 * custom one with {@link #builder()} or extend the defaults with {@link #toBuilder()}, so adding a model family touches
 * one place. Keys are lower-case.
 */
public final class DecoderRegistry {

    private static final DecoderRegistry DEFAULTS = builder()
            .register(Yolov8Decoder.KEY, Yolov8Decoder.factory())
            .alias("yolo11", Yolov8Decoder.KEY)
            .register(Yolov5Decoder.KEY, Yolov5Decoder.factory())
            .alias("yolov7", Yolov5Decoder.KEY)
            .register(YoloxDecoder.KEY, YoloxDecoder.factory())
            .register(YoloPoseDecoder.KEY, YoloPoseDecoder.factory())
            .alias("yolov8-pose", YoloPoseDecoder.KEY)
            .alias("yolo11-pose", YoloPoseDecoder.KEY)
            .register(ClassifyDecoder.KEY, ClassifyDecoder.factory())
            .register(AnomalibDecoder.KEY, AnomalibDecoder.factory())
            .register(SsdDecoder.KEY, SsdDecoder.factory())
            .alias("blazeface", SsdDecoder.KEY)
            .alias("blazepose-detector", SsdDecoder.KEY)
            .register(BlazePoseDecoder.KEY, BlazePoseDecoder.factory())
            .build();

    private final Map<String, DecoderFactory> factories;

    private DecoderRegistry(Map<String, DecoderFactory> factories) {
        this.factories = Collections.unmodifiableMap(new LinkedHashMap<>(factories));
    }

    /**
     * The decoders Loupe ships: {@code yolov8} (alias {@code yolo11}), {@code yolov5} ({@code yolov7}), {@code yolox},
     * {@code yolo-pose} ({@code yolov8-pose}, {@code yolo11-pose}), {@code classify}, {@code anomalib}, and MediaPipe's
     * {@code mediapipe-ssd} ({@code blazeface}, {@code blazepose-detector}) and {@code blazepose} (landmarks).
     */
    public static DecoderRegistry defaults() {
        return DEFAULTS;
    }

    public static Builder builder() {
        return new Builder(Map.of());
    }

    /** A builder holding this registry's entries. */
    public Builder toBuilder() {
        return new Builder(factories);
    }

    /** The factory registered under {@code key} (any case), if any. */
    public Optional<DecoderFactory> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(factories.get(key.toLowerCase(Locale.ROOT)));
    }

    /** Whether {@code key} (any case) names the decoder registered under {@code registered}, itself or an alias. */
    public boolean names(String key, String registered) {
        Optional<DecoderFactory> factory = find(key);
        return factory.isPresent() && factory.equals(find(registered));
    }

    /** All keys, aliases included, in registration order. */
    public Set<String> keys() {
        return factories.keySet();
    }

    /** Collects entries; {@link #register} and {@link #alias} refuse duplicate keys. */
    public static final class Builder {

        private final Map<String, DecoderFactory> entries;

        private Builder(Map<String, DecoderFactory> initial) {
            entries = new LinkedHashMap<>(initial);
        }

        /** @throws IllegalArgumentException when the key is blank or taken */
        public Builder register(String key, DecoderFactory factory) {
            Objects.requireNonNull(factory, "factory");
            String k = normalise(key);
            if (entries.putIfAbsent(k, factory) != null) {
                throw new IllegalArgumentException("Decoder key '" + k + "' is already registered; pick another key");
            }
            return this;
        }

        /** Makes {@code alias} a second key for the factory of {@code key}. @throws IllegalArgumentException when
         * {@code key} is unknown or {@code alias} taken */
        public Builder alias(String alias, String key) {
            DecoderFactory factory = entries.get(normalise(key));
            if (factory == null) {
                throw new IllegalArgumentException("Cannot alias '" + alias + "' to unknown decoder '" + key
                        + "'; known: " + String.join(", ", entries.keySet()));
            }
            return register(alias, factory);
        }

        public DecoderRegistry build() {
            return new DecoderRegistry(entries);
        }

        private static String normalise(String key) {
            if (key == null || key.isBlank()) {
                throw new IllegalArgumentException("Decoder key is blank; use a short lower-case name like 'yolov8'");
            }
            return key.trim().toLowerCase(Locale.ROOT);
        }
    }
}
