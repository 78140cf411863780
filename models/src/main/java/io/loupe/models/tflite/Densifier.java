package io.loupe.models.tflite;

import java.util.List;

/**
 * DENSIFY at import time: expands a sparse constant (TACO form, see {@code SparsityParameters} in {@code schema.fbs})
 * into its dense values. The stored values are the leaves of a walk over the traversed dimensions in order: a dense
 * level visits every coordinate below its size (position {@code parent * size + i}); a CSR level visits positions
 * {@code segments[parent] .. segments[parent + 1] - 1} with coordinates {@code indices[position]}. The first n levels
 * are tensor dimensions (blocked ones counted in blocks); the next k are positions inside a block of the tensor
 * dimension {@code block_map} names. Every coordinate not visited is zero.
 */
final class Densifier {

    private final int[] denseShape;
    private final int[] traversal;
    private final int[] blockMap;
    private final List<SparseLayout.Dimension> levels;
    private final int[] blockSize;
    private final float[] values;
    private final float[] dense;
    private final int[] coordinates;
    private int next;

    private Densifier(int[] denseShape, SparseLayout layout, float[] values) {
        this.denseShape = denseShape;
        this.traversal = layout.traversalOrder();
        this.blockMap = layout.blockMap();
        this.levels = layout.dimensions();
        this.values = values;
        int n = denseShape.length;
        if (traversal.length != levels.size() || traversal.length != n + blockMap.length) {
            throw new IllegalArgumentException("sparsity of " + traversal.length + " traversed dimensions, "
                    + levels.size() + " dimension metadata and " + blockMap.length + " block dimensions does not fit"
                    + " a tensor of rank " + n);
        }
        blockSize = new int[blockMap.length];
        for (int level = n; level < traversal.length; level++) {
            blockSize[traversal[level] - n] = levels.get(level).size();
        }
        long size = 1;
        for (int d : denseShape) {
            size *= d;
        }
        dense = new float[Math.toIntExact(size)];
        coordinates = new int[traversal.length];
    }

    /**
     * The dense values of a sparse constant.
     *
     * @param denseShape the tensor's dense dimensions
     * @param stored the stored (non-zero) values in traversal order
     * @throws IllegalArgumentException when the sparsity metadata does not fit the shape or the stored values
     */
    static float[] densify(int[] denseShape, SparseLayout layout, float[] stored) {
        Densifier d = new Densifier(denseShape, layout, stored);
        d.visit(0, 0);
        if (d.next != stored.length) {
            throw new IllegalArgumentException("sparsity metadata visits " + d.next + " values but " + stored.length
                    + " are stored");
        }
        return d.dense;
    }

    private void visit(int level, int parent) {
        if (level == traversal.length) {
            place();
            return;
        }
        SparseLayout.Dimension dim = levels.get(level);
        if (dim.dense()) {
            for (int i = 0; i < dim.size(); i++) {
                coordinates[level] = i;
                visit(level + 1, parent * dim.size() + i);
            }
        } else {
            int[] segments = dim.segments();
            if (parent + 1 >= segments.length) {
                throw new IllegalArgumentException("CSR level " + level + " has " + segments.length
                        + " segments, position " + parent + " needs " + (parent + 2));
            }
            for (int p = segments[parent]; p < segments[parent + 1]; p++) {
                coordinates[level] = dim.indices()[p];
                visit(level + 1, p);
            }
        }
    }

    private void place() {
        int n = denseShape.length;
        int[] index = new int[n];
        for (int level = 0; level < n; level++) {
            index[traversal[level]] = coordinates[level];
        }
        for (int level = n; level < traversal.length; level++) {
            int block = traversal[level] - n;
            int dim = blockMap[block];
            index[dim] = index[dim] * blockSize[block] + coordinates[level];
        }
        int flat = 0;
        for (int d = 0; d < n; d++) {
            if (index[d] < 0 || index[d] >= denseShape[d]) {
                throw new IllegalArgumentException("sparse coordinate " + index[d] + " outside dimension " + d
                        + " of size " + denseShape[d]);
            }
            flat = flat * denseShape[d] + index[d];
        }
        if (next >= values.length) {
            throw new IllegalArgumentException("sparsity metadata visits more than the " + values.length
                    + " stored values");
        }
        dense[flat] = values[next++];
    }
}
