package io.loupe.models.tflite;

import java.nio.ByteBuffer;

/** {@code table Model} of TFLite's {@code schema.fbs}: the root of a {@code .tflite} file. */
final class TflModelTable extends FlatTable {

    static final int VERSION = 0;
    static final int OPERATOR_CODES = 1;
    static final int SUBGRAPHS = 2;
    static final int DESCRIPTION = 3;
    static final int BUFFERS = 4;

    /** The root table of {@code file} (little-endian, position 0). */
    static TflModelTable root(ByteBuffer file) {
        TflModelTable model = new TflModelTable();
        model.at(file.getInt(0), file);
        return model;
    }

    long version() {
        return uintField(VERSION);
    }

    int operatorCodeCount() {
        return vectorLength(OPERATOR_CODES);
    }

    TflOperatorCodeTable operatorCode(int i) {
        return tableElement(OPERATOR_CODES, i, new TflOperatorCodeTable());
    }

    int subgraphCount() {
        return vectorLength(SUBGRAPHS);
    }

    TflSubGraphTable subgraph(int i) {
        return tableElement(SUBGRAPHS, i, new TflSubGraphTable());
    }

    String description() {
        return stringField(DESCRIPTION);
    }

    int bufferCount() {
        return vectorLength(BUFFERS);
    }

    TflBufferTable buffer(int i) {
        return tableElement(BUFFERS, i, new TflBufferTable());
    }
}
