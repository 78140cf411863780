package io.loupe.models.tflite;

import java.nio.ByteBuffer;

/**
 * {@code table Buffer}: constant data, inside the flatbuffer ({@code data}) or, for files over 2 GB, at
 * {@code offset}/{@code size} from the start of the file.
 */
final class TflBufferTable extends FlatTable {

    static final int DATA = 0;
    static final int OFFSET = 1;
    static final int SIZE = 2;

    /** The data in the flatbuffer, or null when empty or stored outside. */
    ByteBuffer data() {
        return byteVector(DATA);
    }

    long offset() {
        return longField(OFFSET, 0);
    }

    long size() {
        return longField(SIZE, 0);
    }
}
