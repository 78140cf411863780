package io.loupe.models.tflite;

/**
 * {@code table SparsityParameters}: a tensor stored in TACO form, its dimensions traversed in {@code traversal_order}
 * (n tensor dimensions, then k block dimensions whose tensor dimension is given by {@code block_map}), each dense or
 * compressed (CSR) as its {@link TflDimensionTable} says.
 */
final class TflSparsityTable extends FlatTable {

    static final int TRAVERSAL_ORDER = 0;
    static final int BLOCK_MAP = 1;
    static final int DIM_METADATA = 2;

    int[] traversalOrder() {
        return intVector(TRAVERSAL_ORDER);
    }

    int[] blockMap() {
        return intVector(BLOCK_MAP);
    }

    int dimensionCount() {
        return vectorLength(DIM_METADATA);
    }

    TflDimensionTable dimension(int i) {
        return tableElement(DIM_METADATA, i, new TflDimensionTable());
    }
}
