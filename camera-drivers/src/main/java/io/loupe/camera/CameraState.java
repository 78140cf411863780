package io.loupe.camera;

/** Where a {@link Camera}'s capture loop is. */
public enum CameraState {
    /** Created or started, not yet opened. */
    STARTING,
    /** Frames are flowing. */
    ONLINE,
    /** Opening or reading failed, or the stream stalled; retrying with back-off. The status carries the reason. */
    RECONNECTING,
    /** Closed, or cannot work at all (e.g. no driver for its URL); the status carries the reason. Not retried. */
    OFFLINE,
    /** A file that does not loop reached its end; its mailboxes ended. */
    ENDED
}
