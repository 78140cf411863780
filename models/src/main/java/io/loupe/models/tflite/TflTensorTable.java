package io.loupe.models.tflite;

/** {@code table Tensor}: shape, element type, buffer index, name, and optional quantization and sparsity. */
final class TflTensorTable extends FlatTable {

    static final int SHAPE = 0;
    static final int TYPE = 1;
    static final int BUFFER = 2;
    static final int NAME = 3;
    static final int QUANTIZATION = 4;
    static final int IS_VARIABLE = 5;
    static final int SPARSITY = 6;

    int[] shape() {
        return intVector(SHAPE);
    }

    /** The {@code TensorType} code (FLOAT32 = 0, FLOAT16 = 1, ...). */
    int type() {
        return byteField(TYPE, 0);
    }

    long buffer() {
        return uintField(BUFFER);
    }

    String name() {
        return stringField(NAME);
    }

    TflQuantizationTable quantization() {
        return table(QUANTIZATION, new TflQuantizationTable());
    }

    boolean isVariable() {
        return boolField(IS_VARIABLE, false);
    }

    TflSparsityTable sparsity() {
        return table(SPARSITY, new TflSparsityTable());
    }
}
