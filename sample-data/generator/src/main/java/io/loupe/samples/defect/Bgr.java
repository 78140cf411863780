package io.loupe.samples.defect;

import org.bytedeco.opencv.opencv_core.Scalar;

/** A colour in 8-bit blue, green, red. */
public record Bgr(int b, int g, int r) {

    public Bgr {
        if ((b | g | r) < 0 || b > 255 || g > 255 || r > 255) {
            throw new IllegalArgumentException("colour components must be 0..255, got (" + b + ", " + g + ", " + r + ")");
        }
    }

    /** @return the colour as an OpenCV scalar; the caller closes it */
    Scalar toScalar() {
        return new Scalar(b, g, r, 0);
    }
}
