package io.loupe.pipelines.gait;

import java.nio.file.Path;

/**
 * {@code settings.privacy}. By default no picture of the patient leaves the box: results and MQTT carry parameters and
 * scores only, and the web page draws the skeleton on a blank background.
 *
 * @param showVideo     true to let the web page show the camera picture behind the skeleton (off by default)
 * @param storeKeypoints whether bouts' keypoints are kept on disk (personal data: see {@code retentionDays})
 * @param storeDir      where keypoints are kept (one folder per session); required when {@code storeKeypoints}; with
 *                      storing off, keypoints stored there before still expire and can be deleted per session
 * @param retentionDays stored keypoints older than this are deleted, at start and daily
 * @param blurFaces     with {@code showVideo}: blur every face found by {@code faceDetector} in the picture the page
 *                      gets (default true)
 * @param faceDetector  the id (under {@code models:}) of a face detector — MediaPipe's BlazeFace,
 *                      {@code face_detection_short_range.tflite} — required with {@code showVideo} and {@code blurFaces}
 */
public record PrivacySettings(boolean showVideo, boolean storeKeypoints, Path storeDir, int retentionDays,
                              boolean blurFaces, String faceDetector) {

    public PrivacySettings {
        faceDetector = faceDetector == null ? "" : faceDetector.trim();
        if (showVideo && blurFaces && faceDetector.isEmpty()) {
            throw new IllegalArgumentException("privacy.showVideo is true, so faces would reach the page: set"
                    + " privacy.faceDetector to the id of a BlazeFace model (path .../face_detection_short_range.tflite,"
                    + " fetch: mediapipe) to blur them, or privacy.blurFaces: false if the picture may show faces");
        }
        if (retentionDays < 1 || retentionDays > 3650) {
            throw new IllegalArgumentException("privacy.retentionDays must be 1..3650, got " + retentionDays
                    + "; keypoints are personal data: keep them no longer than needed");
        }
        if (storeKeypoints && storeDir == null) {
            throw new IllegalArgumentException("privacy.storeKeypoints is true but privacy.storeDir is not set: give a"
                    + " folder, or set storeKeypoints: false");
        }
    }

    /** No video, keypoints not stored, 30 days retention when they are; faces blurred if video is ever allowed. */
    public static PrivacySettings defaults() {
        return new PrivacySettings(false, false, null, 30, true, "");
    }

    /** True when the page gets the picture with faces blurred by {@link #faceDetector}. */
    public boolean blursFaces() {
        return showVideo && blurFaces;
    }
}
