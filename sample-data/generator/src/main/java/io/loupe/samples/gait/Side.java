package io.loupe.samples.gait;

/** A body side. */
public enum Side {
    LEFT(1),
    RIGHT(-1);

    private final int sign;

    Side(int sign) {
        this.sign = sign;
    }

    /** @return +1 for left, -1 for right: the side's direction along the body's left axis */
    public int sign() {
        return sign;
    }

    public Side other() {
        return this == LEFT ? RIGHT : LEFT;
    }

    /** @return the name used in JSON */
    public String label() {
        return this == LEFT ? "left" : "right";
    }
}
