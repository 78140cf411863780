package io.loupe.samples.core;

import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.Scalar;

/**
 * A colour in blue, green, red, each 0..255 (fractions allowed, for shading arithmetic).
 *
 * @param b blue
 * @param g green
 * @param r red
 */
public record Colour(double b, double g, double r) {

    public Colour {
        if (b < 0 || g < 0 || r < 0 || b > 255 || g > 255 || r > 255) {
            throw new IllegalArgumentException("colour components must be 0..255, got (" + b + ", " + g + ", " + r
                    + "); clamp or scale it first");
        }
    }

    /** @return the colour with every component times {@code factor}, clamped to 0..255 */
    public Colour times(double factor) {
        return new Colour(clamp(b * factor), clamp(g * factor), clamp(r * factor));
    }

    /** @return {@code t} of the way from this colour to {@code other} */
    public Colour mix(Colour other, double t) {
        return new Colour(clamp(b + (other.b - b) * t), clamp(g + (other.g - g) * t), clamp(r + (other.r - r) * t));
    }

    /** @return the colour with each component moved by up to {@code spread} grey levels at random */
    public Colour vary(double spread, SplittableRandom rng) {
        return new Colour(clamp(b + rng.nextDouble(-spread, spread)), clamp(g + rng.nextDouble(-spread, spread)),
                clamp(r + rng.nextDouble(-spread, spread)));
    }

    /** @return the colour as an OpenCV scalar; the caller closes it */
    public Scalar toScalar() {
        return new Scalar(b, g, r, 0);
    }

    private static double clamp(double v) {
        return Math.max(0, Math.min(255, v));
    }
}
