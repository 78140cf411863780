package io.loupe.models.decode;

import java.util.Arrays;

/**
 * Boxes a decoder found in one inference, before NMS, in model-input pixel coordinates (or, after
 * {@link #transform}, in image coordinates). Each box may carry keypoints: {@link #keypoints()} per box of
 * {@link #keypointDims()} values each ({@code x, y} and, with 3 dims, a visibility score). Kept as parallel primitive
 * arrays that grow when needed and are reused after {@link #clear()}, so steady state allocates nothing.
 */
public final class Candidates {

    private final int keypoints;
    private final int keypointDims;
    private final int keypointValues;
    private float[] x1;
    private float[] y1;
    private float[] x2;
    private float[] y2;
    private float[] score;
    private int[] classId;
    private float[] keypointData;
    private int size;

    /** @param initialCapacity boxes held before the arrays grow (at least 1) */
    public Candidates(int initialCapacity) {
        this(initialCapacity, 0, 0);
    }

    /**
     * @param initialCapacity boxes held before the arrays grow (at least 1)
     * @param keypoints keypoints per box, 0 for none
     * @param keypointDims values per keypoint (2 or 3) when there are keypoints
     * @throws IllegalArgumentException for negative counts or keypoints with dims other than 2 or 3
     */
    public Candidates(int initialCapacity, int keypoints, int keypointDims) {
        if (keypoints < 0 || (keypoints > 0 && keypointDims != 2 && keypointDims != 3)) {
            throw new IllegalArgumentException("Keypoints need 2 or 3 values each, got " + keypoints + " keypoints of "
                    + keypointDims);
        }
        int capacity = Math.max(1, initialCapacity);
        this.keypoints = keypoints;
        this.keypointDims = keypoints == 0 ? 0 : keypointDims;
        this.keypointValues = keypoints * this.keypointDims;
        x1 = new float[capacity];
        y1 = new float[capacity];
        x2 = new float[capacity];
        y2 = new float[capacity];
        score = new float[capacity];
        classId = new int[capacity];
        keypointData = new float[capacity * keypointValues];
    }

    /** Forgets all boxes; keeps the arrays. */
    public void clear() {
        size = 0;
    }

    /**
     * Appends a box given by its corners; its keypoints (if any) are zero until set.
     *
     * @return the new box's index
     */
    public int add(float left, float top, float right, float bottom, float boxScore, int boxClassId) {
        if (size == score.length) {
            grow();
        }
        x1[size] = left;
        y1[size] = top;
        x2[size] = right;
        y2[size] = bottom;
        score[size] = boxScore;
        classId[size] = boxClassId;
        if (keypointValues > 0) {
            Arrays.fill(keypointData, size * keypointValues, (size + 1) * keypointValues, 0f);
        }
        return size++;
    }

    /** Appends box {@code i} of {@code other} (which must have the same keypoint shape), keypoints included. */
    public int addFrom(Candidates other, int i) {
        if (other.keypoints != keypoints || other.keypointDims != keypointDims) {
            throw new IllegalArgumentException("Candidates with " + other.keypoints + "x" + other.keypointDims
                    + " keypoints cannot join candidates with " + keypoints + "x" + keypointDims);
        }
        int j = add(other.x1(i), other.y1(i), other.x2(i), other.y2(i), other.score(i), other.classId(i));
        if (keypointValues > 0) {
            System.arraycopy(other.keypointData, i * keypointValues, keypointData, j * keypointValues, keypointValues);
        }
        return j;
    }

    /** Replaces the corners of box {@code i}. */
    public void setBox(int i, float left, float top, float right, float bottom) {
        check(i);
        x1[i] = left;
        y1[i] = top;
        x2[i] = right;
        y2[i] = bottom;
    }

    /** Sets value {@code dim} (0 = x, 1 = y, 2 = visibility) of keypoint {@code k} of box {@code i}. */
    public void setKeypoint(int i, int k, int dim, float value) {
        keypointData[keypointIndex(i, k, dim)] = value;
    }

    /** Value {@code dim} (0 = x, 1 = y, 2 = visibility) of keypoint {@code k} of box {@code i}. */
    public float keypoint(int i, int k, int dim) {
        return keypointData[keypointIndex(i, k, dim)];
    }

    /**
     * Maps boxes {@code from} (inclusive) to {@code to} (exclusive), keypoint x and y included, with
     * {@code x' = x * scaleX + offsetX} and {@code y' = y * scaleY + offsetY}; used to carry boxes from model input to
     * image (or tile) pixels.
     */
    public void transform(int from, int to, float scaleX, float scaleY, float offsetX, float offsetY) {
        if (from < 0 || to > size || from > to) {
            throw new IndexOutOfBoundsException("range " + from + ".." + to + " of " + size);
        }
        for (int i = from; i < to; i++) {
            x1[i] = x1[i] * scaleX + offsetX;
            x2[i] = x2[i] * scaleX + offsetX;
            y1[i] = y1[i] * scaleY + offsetY;
            y2[i] = y2[i] * scaleY + offsetY;
            int base = i * keypointValues;
            for (int k = 0; k < keypoints; k++) {
                int at = base + k * keypointDims;
                keypointData[at] = keypointData[at] * scaleX + offsetX;
                keypointData[at + 1] = keypointData[at + 1] * scaleY + offsetY;
            }
        }
    }

    public int size() {
        return size;
    }

    /** Keypoints per box (0 for none). */
    public int keypoints() {
        return keypoints;
    }

    /** Values per keypoint (0 for none). */
    public int keypointDims() {
        return keypointDims;
    }

    public float x1(int i) {
        return x1[check(i)];
    }

    public float y1(int i) {
        return y1[check(i)];
    }

    public float x2(int i) {
        return x2[check(i)];
    }

    public float y2(int i) {
        return y2[check(i)];
    }

    public float score(int i) {
        return score[check(i)];
    }

    public int classId(int i) {
        return classId[check(i)];
    }

    private int keypointIndex(int i, int k, int dim) {
        check(i);
        if (k < 0 || k >= keypoints || dim < 0 || dim >= keypointDims) {
            throw new IndexOutOfBoundsException("keypoint " + k + " value " + dim + " of " + keypoints + "x"
                    + keypointDims);
        }
        return i * keypointValues + k * keypointDims + dim;
    }

    private int check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("candidate " + i + " of " + size);
        }
        return i;
    }

    private void grow() {
        int capacity = score.length * 2;
        x1 = Arrays.copyOf(x1, capacity);
        y1 = Arrays.copyOf(y1, capacity);
        x2 = Arrays.copyOf(x2, capacity);
        y2 = Arrays.copyOf(y2, capacity);
        score = Arrays.copyOf(score, capacity);
        classId = Arrays.copyOf(classId, capacity);
        keypointData = Arrays.copyOf(keypointData, capacity * keypointValues);
    }
}
