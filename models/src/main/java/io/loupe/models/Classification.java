package io.loupe.models;

import java.util.List;

/**
 * The best classes of one image, most probable first.
 *
 * @param top the {@value #TOP} best classes (fewer when the model has fewer); unmodifiable, never empty
 */
public record Classification(List<ClassScore> top) implements Prediction {

    /** How many classes are kept. */
    public static final int TOP = 5;

    /** @throws IllegalArgumentException when {@code top} is empty */
    public Classification {
        top = List.copyOf(top);
        if (top.isEmpty()) {
            throw new IllegalArgumentException("A classification needs at least one class");
        }
    }

    /** The most probable class. */
    public ClassScore best() {
        return top.get(0);
    }
}
