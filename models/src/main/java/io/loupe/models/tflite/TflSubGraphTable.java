package io.loupe.models.tflite;

/** {@code table SubGraph}: tensors, the graph's input and output tensor indices, operators in execution order. */
final class TflSubGraphTable extends FlatTable {

    static final int TENSORS = 0;
    static final int INPUTS = 1;
    static final int OUTPUTS = 2;
    static final int OPERATORS = 3;
    static final int NAME = 4;

    int tensorCount() {
        return vectorLength(TENSORS);
    }

    TflTensorTable tensor(int i) {
        return tableElement(TENSORS, i, new TflTensorTable());
    }

    int[] inputs() {
        return intVector(INPUTS);
    }

    int[] outputs() {
        return intVector(OUTPUTS);
    }

    int operatorCount() {
        return vectorLength(OPERATORS);
    }

    TflOperatorTable operator(int i) {
        return tableElement(OPERATORS, i, new TflOperatorTable());
    }

    String name() {
        return stringField(NAME);
    }
}
