package io.loupe.pipelines.pest;

/** What became of a capture. */
public enum CaptureStatus {
    /** The trap was seen and counted. */
    COUNTED,
    /** A frame came but shows no trap (covered, dark, camera turned away): nothing counted, the counts are kept. */
    FAILED,
    /** No capture came for longer than {@code missedAfter}: reported, the counts are kept. */
    MISSED
}
