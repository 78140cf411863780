package io.loupe.models.tflite;

/** {@code table Operator}: an index into the operator codes, input and output tensor indices, and its options. */
final class TflOperatorTable extends FlatTable {

    static final int OPCODE_INDEX = 0;
    static final int INPUTS = 1;
    static final int OUTPUTS = 2;
    static final int BUILTIN_OPTIONS_TYPE = 3;
    static final int BUILTIN_OPTIONS = 4;

    long opcodeIndex() {
        return uintField(OPCODE_INDEX);
    }

    /** Tensor indices; -1 marks an optional input left out. */
    int[] inputs() {
        return intVector(INPUTS);
    }

    int[] outputs() {
        return intVector(OUTPUTS);
    }

    /** The builtin options table (its type follows from the operator), or null when the operator has none. */
    TflOptions options() {
        return table(BUILTIN_OPTIONS, new TflOptions());
    }
}
