package io.loupe.models.preprocess;

import java.util.List;

/**
 * Three numbers, one per tensor channel, in the order of the tensor's channels (so for an RGB model the first is red;
 * for a BGR model the first is blue), as mean and standard deviation are written in export scripts.
 */
public record ChannelValues(float first, float second, float third) {

    /** 0, 0, 0: no mean subtracted. */
    public static final ChannelValues ZERO = new ChannelValues(0f, 0f, 0f);
    /** 1, 1, 1: no division. */
    public static final ChannelValues ONE = new ChannelValues(1f, 1f, 1f);

    /** @throws IllegalArgumentException when a value is not finite */
    public ChannelValues {
        if (!Float.isFinite(first) || !Float.isFinite(second) || !Float.isFinite(third)) {
            throw new IllegalArgumentException("Channel values must be finite numbers, got " + first + ", " + second
                    + ", " + third);
        }
    }

    /** @throws IllegalArgumentException unless there are exactly three finite values */
    public static ChannelValues of(List<? extends Number> values) {
        if (values.size() != 3) {
            throw new IllegalArgumentException("Give exactly three values, one per channel, not " + values.size()
                    + ": " + values);
        }
        return new ChannelValues(values.get(0).floatValue(), values.get(1).floatValue(), values.get(2).floatValue());
    }

    /** The value of tensor channel {@code c} (0, 1 or 2). */
    public float get(int c) {
        return switch (c) {
            case 0 -> first;
            case 1 -> second;
            case 2 -> third;
            default -> throw new IndexOutOfBoundsException("channel " + c + " of 3");
        };
    }
}
