package io.loupe.models.decode;

import java.util.Arrays;

/**
 * Boxes a decoder found in one inference, before NMS, in model-input pixel coordinates. Kept as parallel primitive
 * arrays that grow when needed and are reused after {@link #clear()}, so steady state allocates nothing.
 */
public final class Candidates {

    private float[] x1;
    private float[] y1;
    private float[] x2;
    private float[] y2;
    private float[] score;
    private int[] classId;
    private int size;

    /** @param initialCapacity boxes held before the arrays grow (at least 1) */
    public Candidates(int initialCapacity) {
        int capacity = Math.max(1, initialCapacity);
        x1 = new float[capacity];
        y1 = new float[capacity];
        x2 = new float[capacity];
        y2 = new float[capacity];
        score = new float[capacity];
        classId = new int[capacity];
    }

    /** Forgets all boxes; keeps the arrays. */
    public void clear() {
        size = 0;
    }

    /** Appends a box given by its corners. */
    public void add(float left, float top, float right, float bottom, float boxScore, int boxClassId) {
        if (size == score.length) {
            grow();
        }
        x1[size] = left;
        y1[size] = top;
        x2[size] = right;
        y2[size] = bottom;
        score[size] = boxScore;
        classId[size] = boxClassId;
        size++;
    }

    public int size() {
        return size;
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
    }
}
