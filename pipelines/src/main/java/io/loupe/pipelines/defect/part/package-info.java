/**
 * Part handling for the defect pipeline: the {@link io.loupe.pipelines.defect.part.TriggerQueue} that external
 * triggers fill, and the classical presence path for conveyors — {@link io.loupe.pipelines.defect.part.PresenceFinder}
 * (parts differ from the belt in brightness: blur, threshold, external contours inside the ROI) and
 * {@link io.loupe.pipelines.defect.part.PartTracker} (a centroid tracker with stable ids that says when each part is
 * fully in view, once).
 */
package io.loupe.pipelines.defect.part;
