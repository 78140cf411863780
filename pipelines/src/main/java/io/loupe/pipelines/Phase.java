package io.loupe.pipelines;

/** The parts of a frame's way through the appliance that latency is attributed to, in the order a frame meets them. */
public enum Phase {
    /** The camera's demux, decode and conversion to BGR ({@link io.loupe.camera.Frame#decodeNanos()}). */
    CAPTURE("decode"),
    /** Letterbox / resize and the input blob. */
    PREPROCESS("pre-process"),
    /** The model's session run (or the wait for a shared batch). */
    INFERENCE("inference"),
    /** Decoding the model's output, mapping it back to the image, NMS. */
    POSTPROCESS("decode+NMS"),
    /** The rest of the stage chain: tracking, rules, verdicts, counting. */
    RULES("rules"),
    /** The result sinks: serialising and queuing for MQTT, the live view. */
    PUBLISH("publish");

    private final String label;

    Phase(String label) {
        this.label = label;
    }

    /** A short name for tables and the page. */
    public String label() {
        return label;
    }
}
