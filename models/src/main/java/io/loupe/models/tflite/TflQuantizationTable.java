package io.loupe.models.tflite;

/** {@code table QuantizationParameters}: {@code f = scale * (q - zero_point)}, per tensor or per channel. */
final class TflQuantizationTable extends FlatTable {

    static final int MIN = 0;
    static final int MAX = 1;
    static final int SCALE = 2;
    static final int ZERO_POINT = 3;
    static final int DETAILS_TYPE = 4;
    static final int DETAILS = 5;
    static final int QUANTIZED_DIMENSION = 6;

    float[] scale() {
        return floatVector(SCALE);
    }

    long[] zeroPoint() {
        return longVector(ZERO_POINT);
    }

    /** True when the parameters say anything at all (TFLite writes empty tables for float tensors). */
    boolean present() {
        return vectorLength(SCALE) > 0 || vectorLength(ZERO_POINT) > 0 || byteField(DETAILS_TYPE, 0) != 0;
    }
}
