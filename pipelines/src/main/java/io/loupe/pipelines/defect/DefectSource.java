package io.loupe.pipelines.defect;

/** What found a defect. */
public enum DefectSource {
    /** The supervised detector (a defect class). */
    DETECTOR,
    /** The anomaly path (a region of the anomaly map at or above the threshold). */
    ANOMALY
}
