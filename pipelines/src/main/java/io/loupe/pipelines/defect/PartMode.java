package io.loupe.pipelines.defect;

/** How the defect pipeline knows a part is in view, and so when it judges. */
public enum PartMode {
    /** Every frame is judged as one part (id: the frame's number). For stills, or a camera that only sees parts. */
    FRAME,
    /** An external trigger ("part N is in view now", MQTT or REST) makes the next frame be judged as part N. */
    TRIGGER,
    /** Parts are found and tracked as they cross the ROI (a conveyor) and each is judged once, when fully in view. */
    PRESENCE
}
