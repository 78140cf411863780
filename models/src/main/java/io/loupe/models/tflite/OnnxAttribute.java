package io.loupe.models.tflite;

/**
 * One ONNX {@code AttributeProto} of the kinds the importer writes.
 *
 * @param name attribute name, e.g. {@code strides}
 * @param type ONNX {@code AttributeType}: {@link #FLOAT}, {@link #INT}, {@link #STRING} or {@link #INTS}
 */
record OnnxAttribute(String name, int type, float f, long i, String s, long[] ints) {

    static final int FLOAT = 1;
    static final int INT = 2;
    static final int STRING = 3;
    static final int INTS = 7;

    static OnnxAttribute of(String name, float value) {
        return new OnnxAttribute(name, FLOAT, value, 0, null, null);
    }

    static OnnxAttribute of(String name, long value) {
        return new OnnxAttribute(name, INT, 0f, value, null, null);
    }

    static OnnxAttribute of(String name, String value) {
        return new OnnxAttribute(name, STRING, 0f, 0, value, null);
    }

    static OnnxAttribute ints(String name, long... values) {
        return new OnnxAttribute(name, INTS, 0f, 0, null, values.clone());
    }

    static OnnxAttribute ints(String name, int... values) {
        long[] wide = new long[values.length];
        for (int k = 0; k < values.length; k++) {
            wide[k] = values[k];
        }
        return new OnnxAttribute(name, INTS, 0f, 0, null, wide);
    }
}
