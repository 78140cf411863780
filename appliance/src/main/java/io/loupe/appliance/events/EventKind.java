package io.loupe.appliance.events;

/** What an {@link Event} is about. */
public enum EventKind {
    /** A part judged NG. */
    NG,
    /** A verdict published after its deadline, or a part no frame reached. */
    LATE,
    /** A camera changed state (online, reconnecting, offline, ended). */
    CAMERA,
    /** The MQTT link connected or lost its broker. */
    MQTT,
    /** A pipeline failed on a frame (a new error text). */
    PIPELINE,
    /** A pipeline's alert began, changed or ended (a pest threshold crossed, a gait session). */
    ALERT,
    /** A capture failed or was missed (a trap camera that sent no usable picture). */
    CAPTURE
}
