package io.loupe.pipelines.gait;

import java.nio.file.Path;

/**
 * {@code settings.privacy}. By default no picture of the patient leaves the box: results and MQTT carry parameters and
 * scores only, and the web page draws the skeleton on a blank background.
 *
 * @param showVideo     true to let the web page show the camera picture behind the skeleton (off by default)
 * @param storeKeypoints whether bouts' keypoints are kept on disk (personal data: see {@code retentionDays})
 * @param storeDir      where keypoints are kept (one folder per session); required when {@code storeKeypoints}
 * @param retentionDays stored keypoints older than this are deleted, at start and daily
 */
public record PrivacySettings(boolean showVideo, boolean storeKeypoints, Path storeDir, int retentionDays) {

    public PrivacySettings {
        if (retentionDays < 1 || retentionDays > 3650) {
            throw new IllegalArgumentException("privacy.retentionDays must be 1..3650, got " + retentionDays
                    + "; keypoints are personal data: keep them no longer than needed");
        }
        if (storeKeypoints && storeDir == null) {
            throw new IllegalArgumentException("privacy.storeKeypoints is true but privacy.storeDir is not set: give a"
                    + " folder, or set storeKeypoints: false");
        }
    }

    /** No video, keypoints not stored, 30 days retention when they are. */
    public static PrivacySettings defaults() {
        return new PrivacySettings(false, false, null, 30);
    }
}
