package io.loupe.models.tflite;

/** TFLite's {@code enum TensorType}, with the element size in bytes (0 where it has none) and the ONNX data type. */
enum TensorType {
    FLOAT32(4, 1),
    FLOAT16(2, 10),
    INT32(4, 6),
    UINT8(1, 2),
    INT64(8, 7),
    STRING(0, 8),
    BOOL(1, 9),
    INT16(2, 5),
    COMPLEX64(8, 14),
    INT8(1, 3),
    FLOAT64(8, 11),
    COMPLEX128(16, 15),
    UINT64(8, 13),
    RESOURCE(0, 0),
    VARIANT(0, 0),
    UINT32(4, 12),
    UINT16(2, 4),
    INT4(0, 0);

    private final int bytes;
    private final int onnxType;

    TensorType(int bytes, int onnxType) {
        this.bytes = bytes;
        this.onnxType = onnxType;
    }

    /** @throws IllegalArgumentException for a code this schema does not know */
    static TensorType of(int code) {
        TensorType[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("unknown TensorType " + code);
        }
        return all[code];
    }

    int bytes() {
        return bytes;
    }

    /** ONNX {@code TensorProto.DataType}, 0 when ONNX has no such type. */
    int onnxType() {
        return onnxType;
    }

    /** True for the integer types TFLite uses for quantized activations and weights. */
    boolean quantizable() {
        return this == INT8 || this == UINT8 || this == INT16 || this == INT4;
    }
}
