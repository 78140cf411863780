package io.loupe.models.tflite;

/** Builtin options tables for {@link TinyTflite}, field slots as in {@code schema.fbs}. */
final class Opts {

    static final int SAME = 0;
    static final int VALID = 1;
    static final int NONE = 0;
    static final int RELU = 1;
    static final int RELU6 = 3;

    private Opts() {
    }

    /** Conv2DOptions. */
    static TinyTflite.Options conv(int padding, int stride, int activation, int dilation) {
        return b -> {
            b.startTable(6);
            b.addByte(0, (byte) padding, 0);
            b.addInt(1, stride, 0);
            b.addInt(2, stride, 0);
            b.addByte(3, (byte) activation, 0);
            b.addInt(4, dilation, 1);
            b.addInt(5, dilation, 1);
            return b.endTable();
        };
    }

    /** DepthwiseConv2DOptions. */
    static TinyTflite.Options depthwise(int padding, int stride, int multiplier, int activation) {
        return b -> {
            b.startTable(7);
            b.addByte(0, (byte) padding, 0);
            b.addInt(1, stride, 0);
            b.addInt(2, stride, 0);
            b.addInt(3, multiplier, 0);
            b.addByte(4, (byte) activation, 0);
            return b.endTable();
        };
    }

    /** Pool2DOptions. */
    static TinyTflite.Options pool(int padding, int stride, int filter) {
        return b -> {
            b.startTable(6);
            b.addByte(0, (byte) padding, 0);
            b.addInt(1, stride, 0);
            b.addInt(2, stride, 0);
            b.addInt(3, filter, 0);
            b.addInt(4, filter, 0);
            return b.endTable();
        };
    }

    /** AddOptions, SubOptions, MulOptions, FullyConnectedOptions: the fused activation first. */
    static TinyTflite.Options activation(int activation) {
        return b -> {
            b.startTable(1);
            b.addByte(0, (byte) activation, 0);
            return b.endTable();
        };
    }

    /** ConcatenationOptions. */
    static TinyTflite.Options concat(int axis) {
        return b -> {
            b.startTable(2);
            b.addInt(0, axis, 0);
            return b.endTable();
        };
    }

    /** ResizeBilinearOptions (slots 0 and 1 are the deprecated new_height, new_width). */
    static TinyTflite.Options resize(boolean alignCorners, boolean halfPixelCenters) {
        return b -> {
            b.startTable(4);
            b.addBoolean(2, alignCorners, false);
            b.addBoolean(3, halfPixelCenters, false);
            return b.endTable();
        };
    }

    /** DepthToSpaceOptions. */
    static TinyTflite.Options blockSize(int size) {
        return b -> {
            b.startTable(1);
            b.addInt(0, size, 0);
            return b.endTable();
        };
    }

    /** ReducerOptions. */
    static TinyTflite.Options keepDims(boolean keep) {
        return b -> {
            b.startTable(1);
            b.addBoolean(0, keep, false);
            return b.endTable();
        };
    }

    /** SoftmaxOptions. */
    static TinyTflite.Options softmax(float beta) {
        return b -> {
            b.startTable(1);
            b.addFloat(0, beta, 0f);
            return b.endTable();
        };
    }
}
