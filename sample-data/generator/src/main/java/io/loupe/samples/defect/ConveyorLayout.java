package io.loupe.samples.defect;

import io.loupe.samples.core.Box;

/**
 * The fixed geometry of the conveyor scene.
 *
 * @param width     frame width in pixels
 * @param height    frame height in pixels
 * @param fps       frames per second
 * @param beltTop   first row of the belt; above it, a steel side rail
 * @param beltBottom one past the last row of the belt; below it, the other rail
 * @param speed     belt speed in pixels per frame (parts ride the belt, left to right)
 */
public record ConveyorLayout(int width, int height, int fps, int beltTop, int beltBottom, int speed) {

    /** 640x480 at 25 fps, a 368-pixel belt moving at 10 px per frame (250 px/s). */
    public static ConveyorLayout standard() {
        return new ConveyorLayout(640, 480, 25, 56, 424, 10);
    }

    public ConveyorLayout {
        if (beltTop < 0 || beltBottom > height || beltTop >= beltBottom) {
            throw new IllegalArgumentException("belt rows [" + beltTop + ", " + beltBottom + ") must lie inside a "
                    + height + "-row frame");
        }
        if (speed < 1) {
            throw new IllegalArgumentException("belt speed must be at least 1 px per frame, got " + speed);
        }
    }

    public int beltHeight() {
        return beltBottom - beltTop;
    }

    public int beltCenterY() {
        return (beltTop + beltBottom) / 2;
    }

    public Box frame() {
        return new Box(0, 0, width, height);
    }
}
