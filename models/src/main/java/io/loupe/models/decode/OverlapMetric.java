package io.loupe.models.decode;

/** How {@link Nms} measures the overlap of two boxes. */
public enum OverlapMetric {
    /** Intersection over union: the usual NMS. */
    IOU,
    /**
     * Intersection over the smaller box's area (SAHI's IOS): also suppresses a part of an object cut by a tile edge when
     * the whole object was found by another tile or the full-frame pass.
     */
    IOS
}
