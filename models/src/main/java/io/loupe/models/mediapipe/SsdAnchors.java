package io.loupe.models.mediapipe;

import java.util.Arrays;

/**
 * SSD anchors as MediaPipe's {@code SsdAnchorsCalculator} generates them from {@link SsdAnchorOptions}: layers are
 * taken in order; consecutive layers with the same stride pool their anchor shapes onto one feature map of
 * {@code ceil(input / stride)} cells; each layer adds one shape per aspect ratio at its scale (scales spaced linearly
 * from min to max over the layers) plus, when {@code interpolatedScaleAspectRatio > 0}, one at the geometric mean of
 * its scale and the next layer's (1 after the last); every cell gets every shape, centred at
 * {@code ((x + offsetX) / width, (y + offsetY) / height)}. With {@code fixedAnchorSize} every anchor is 1 x 1.
 * Coordinates are normalised to the input (0..1).
 */
public final class SsdAnchors {

    private final float[] centreX;
    private final float[] centreY;
    private final float[] width;
    private final float[] height;

    private SsdAnchors(float[] centreX, float[] centreY, float[] width, float[] height) {
        this.centreX = centreX;
        this.centreY = centreY;
        this.width = width;
        this.height = height;
    }

    public static SsdAnchors generate(SsdAnchorOptions o) {
        int[] strides = o.strides();
        int layers = strides.length;
        int capacity = 0;
        float[] cx = new float[64];
        float[] cy = new float[64];
        float[] w = new float[64];
        float[] h = new float[64];
        int n = 0;
        int layer = 0;
        while (layer < layers) {
            float[] shapeW = new float[0];
            float[] shapeH = new float[0];
            int last = layer;
            while (last < layers && strides[last] == strides[layer]) {
                float scale = scale(o, last, layers);
                for (float ratio : o.aspectRatios()) {
                    shapeW = append(shapeW, scale * (float) Math.sqrt(ratio));
                    shapeH = append(shapeH, scale / (float) Math.sqrt(ratio));
                }
                if (o.interpolatedScaleAspectRatio() > 0f) {
                    float next = last == layers - 1 ? 1f : scale(o, last + 1, layers);
                    float interpolated = (float) Math.sqrt(scale * next);
                    float ratio = o.interpolatedScaleAspectRatio();
                    shapeW = append(shapeW, interpolated * (float) Math.sqrt(ratio));
                    shapeH = append(shapeH, interpolated / (float) Math.sqrt(ratio));
                }
                last++;
            }
            int stride = strides[layer];
            int mapH = (int) Math.ceil((double) o.inputHeight() / stride);
            int mapW = (int) Math.ceil((double) o.inputWidth() / stride);
            capacity = n + mapH * mapW * shapeW.length;
            if (capacity > cx.length) {
                int size = Math.max(capacity, cx.length * 2);
                cx = Arrays.copyOf(cx, size);
                cy = Arrays.copyOf(cy, size);
                w = Arrays.copyOf(w, size);
                h = Arrays.copyOf(h, size);
            }
            for (int y = 0; y < mapH; y++) {
                for (int x = 0; x < mapW; x++) {
                    for (int s = 0; s < shapeW.length; s++) {
                        cx[n] = (x + o.anchorOffsetX()) / mapW;
                        cy[n] = (y + o.anchorOffsetY()) / mapH;
                        w[n] = o.fixedAnchorSize() ? 1f : shapeW[s];
                        h[n] = o.fixedAnchorSize() ? 1f : shapeH[s];
                        n++;
                    }
                }
            }
            layer = last;
        }
        return new SsdAnchors(Arrays.copyOf(cx, n), Arrays.copyOf(cy, n), Arrays.copyOf(w, n), Arrays.copyOf(h, n));
    }

    private static float scale(SsdAnchorOptions o, int layer, int layers) {
        return layers == 1 ? (o.minScale() + o.maxScale()) / 2f
                : o.minScale() + (o.maxScale() - o.minScale()) * layer / (layers - 1f);
    }

    private static float[] append(float[] values, float value) {
        float[] more = Arrays.copyOf(values, values.length + 1);
        more[values.length] = value;
        return more;
    }

    public int count() {
        return centreX.length;
    }

    /** Anchor {@code i}'s centre x, normalised. */
    public float centreX(int i) {
        return centreX[i];
    }

    public float centreY(int i) {
        return centreY[i];
    }

    public float width(int i) {
        return width[i];
    }

    public float height(int i) {
        return height[i];
    }
}
