/**
 * NG images on disk: {@link io.loupe.pipelines.defect.ngimage.NgImageStore} copies the frame on the worker thread and
 * hands drawing ({@link io.loupe.pipelines.defect.ngimage.NgImageRenderer}: ROI, ignore regions, part, defects,
 * verdict, anomaly heat map), JPEG encoding and writing to one bounded named thread, dropping and counting what does
 * not fit; {@link io.loupe.pipelines.defect.ngimage.Retention} keeps the folder under its count and byte limits,
 * oldest first.
 */
package io.loupe.pipelines.defect.ngimage;
