package io.loupe.samples.pest;

import io.loupe.samples.pest.truth.Species;

/**
 * One insect as planned: where it landed, how it lies and looks. Its look depends only on this plan.
 *
 * @param id        id, stable across captures, from 1
 * @param species   what it is
 * @param x         centre column where it landed, pixels
 * @param y         centre row where it landed, pixels
 * @param angle     rotation, degrees
 * @param size      wanted longer side of its box, pixels (within the species' range)
 * @param lookSeed  seed of its colour and shape variation
 * @param arrived   capture it arrived in
 */
public record InsectPlan(int id, Species species, int x, int y, double angle, int size, long lookSeed, int arrived) {

    public InsectPlan {
        if (size < species.minSize() || size > species.maxSize()) {
            throw new IllegalArgumentException(species.label() + " " + id + " has size " + size + " px, outside "
                    + species.minSize() + ".." + species.maxSize());
        }
    }
}
