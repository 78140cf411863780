package io.loupe.camera;

/** Outcome of one {@link FrameSource#read} call. */
public enum ReadStatus {
    /** A frame was decoded into the destination. */
    FRAME,
    /** No frame arrived within the timeout; the stream may still be alive. */
    TIMEOUT,
    /** The stream ended (end of file, folder exhausted); not an error. */
    END
}
