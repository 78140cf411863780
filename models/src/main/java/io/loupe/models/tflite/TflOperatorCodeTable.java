package io.loupe.models.tflite;

/** {@code table OperatorCode}: a builtin operator (by code) or a custom one (by name). */
final class TflOperatorCodeTable extends FlatTable {

    static final int DEPRECATED_BUILTIN_CODE = 0;
    static final int CUSTOM_CODE = 1;
    static final int VERSION = 2;
    static final int BUILTIN_CODE = 3;

    /**
     * The builtin code: the wide {@code builtin_code} field, or the old byte field for files written before it existed
     * (the larger of the two, as TFLite itself reads them).
     */
    int builtinCode() {
        int wide = intField(BUILTIN_CODE, 0);
        int narrow = byteField(DEPRECATED_BUILTIN_CODE, 0);
        return Math.max(wide, narrow);
    }

    String customCode() {
        return stringField(CUSTOM_CODE);
    }

    int version() {
        return intField(VERSION, 1);
    }
}
