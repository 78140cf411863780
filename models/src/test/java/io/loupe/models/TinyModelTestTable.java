package io.loupe.models;

/** The table of {@link TinyModelTest}, for other tests that need the same known detector output. */
final class TinyModelTestTable {

    /** Rows cx, cy, w, h, class-0 score, class-1 score; one column per anchor ([1, 6, 4]). */
    static final float[] TABLE = {
        32, 33, 32, 10,
        32, 32, 32, 10,
        20, 20, 20, 4,
        10, 10, 10, 4,
        0.9f, 0.8f, 0.2f, 0.1f,
        0.1f, 0.05f, 0.7f, 0.2f
    };

    private TinyModelTestTable() {
    }
}
