package io.loupe.models.tflite;

/**
 * {@code table DimensionMetadata} of a sparse tensor: {@code DENSE} with its size, or {@code SPARSE_CSR} with segments
 * and indices, each a {@code SparseIndexVector} union of {@code Int32Vector}, {@code Uint16Vector} or
 * {@code Uint8Vector}.
 */
final class TflDimensionTable extends FlatTable {

    static final int FORMAT = 0;
    static final int DENSE_SIZE = 1;
    static final int ARRAY_SEGMENTS_TYPE = 2;
    static final int ARRAY_SEGMENTS = 3;
    static final int ARRAY_INDICES_TYPE = 4;
    static final int ARRAY_INDICES = 5;

    /** {@code DimensionType}: 0 = DENSE, 1 = SPARSE_CSR. */
    static final int DENSE = 0;
    static final int SPARSE_CSR = 1;

    int format() {
        return byteField(FORMAT, DENSE);
    }

    int denseSize() {
        return intField(DENSE_SIZE, 0);
    }

    int[] segments() {
        return indexVector(ARRAY_SEGMENTS_TYPE, ARRAY_SEGMENTS);
    }

    int[] indices() {
        return indexVector(ARRAY_INDICES_TYPE, ARRAY_INDICES);
    }

    /** Reads the union: 1 = Int32Vector, 2 = Uint16Vector, 3 = Uint8Vector, each a table with {@code values} in slot 0. */
    private int[] indexVector(int typeSlot, int valueSlot) {
        int type = byteField(typeSlot, 0) & 0xff;
        IndexVector vector = table(valueSlot, new IndexVector());
        if (vector == null || type == 0) {
            return new int[0];
        }
        return switch (type) {
            case 1 -> vector.intVector(0);
            case 2 -> widen(vector.elementBytes(0, 2), 2);
            case 3 -> widen(vector.elementBytes(0, 1), 1);
            default -> throw new IllegalArgumentException("unknown SparseIndexVector type " + type);
        };
    }

    private static int[] widen(java.nio.ByteBuffer bytes, int size) {
        if (bytes == null) {
            return new int[0];
        }
        int[] values = new int[bytes.remaining() / size];
        for (int i = 0; i < values.length; i++) {
            values[i] = size == 2 ? Short.toUnsignedInt(bytes.getShort(2 * i)) : Byte.toUnsignedInt(bytes.get(i));
        }
        return values;
    }

    /** One of the three index vector tables; all keep their values in slot 0. */
    private static final class IndexVector extends FlatTable {
    }
}
