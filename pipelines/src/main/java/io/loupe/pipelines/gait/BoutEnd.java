package io.loupe.pipelines.gait;

import java.util.Locale;

/** Why a walking bout ended. */
public enum BoutEnd {
    /** The walker stood still for {@code bouts.stopAfter}. */
    STOPPED,
    /** The walker was not seen for {@code bouts.lostAfter} (left the view). */
    LEFT_VIEW,
    /** Another person became the walker. */
    WALKER_CHANGED,
    /** The bout reached {@code bouts.maxLength}; the next one starts at once. */
    MAX_LENGTH,
    /** The session id was changed by a command. */
    SESSION_CHANGED,
    /** The camera ended. */
    END_OF_STREAM;

    /** As in the payload: {@code left_view}, … */
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }
}
