package io.loupe.models.tflite;

import java.util.List;

/**
 * A sparse constant's {@code SparsityParameters}, read out of the flatbuffer.
 *
 * @param traversalOrder n tensor dimensions, then k block dimensions, in storage order
 * @param blockMap the tensor dimension of each block dimension (k entries)
 * @param dimensions per traversed dimension: dense with a size, or CSR with segments and indices
 */
record SparseLayout(int[] traversalOrder, int[] blockMap, List<Dimension> dimensions) {

    /**
     * One traversed dimension.
     *
     * @param dense true for DENSE (then {@code size} counts), false for SPARSE_CSR (then segments and indices do)
     */
    record Dimension(boolean dense, int size, int[] segments, int[] indices) {
    }
}
