package io.loupe.pipelines.gait;

import io.loupe.pipelines.PipelineSettings;
import io.loupe.pipelines.gait.analysis.AnalysisSettings;
import io.loupe.pipelines.gait.store.SessionIds;

import java.nio.file.Path;

/**
 * The settings of a {@code type: gait} pipeline (its {@code settings:} block). Every key is optional; a missing one
 * takes its value from {@link #defaults()}.
 *
 * @param pose        where the keypoints come from
 * @param view        {@code auto}, {@code side} or {@code frontal}
 * @param smoothing   keypoint smoothing and gap filling
 * @param bouts       bout segmentation, freezing and shuffling thresholds
 * @param calibration optional metres
 * @param privacy     video on the web page, keypoint storage and retention
 * @param session     the session (or patient pseudonym) id results carry until a command sets another; 1–64 of
 *                    {@code A-Z a-z 0-9 . _ -}
 */
public record GaitSettings(PoseSettings pose, ViewSetting view, SmoothingSettings smoothing, BoutSettings bouts,
                           CalibrationSettings calibration, PrivacySettings privacy, String session)
        implements PipelineSettings {

    public GaitSettings {
        pose = pose == null ? PoseSettings.defaults() : pose;
        view = view == null ? ViewSetting.AUTO : view;
        smoothing = smoothing == null ? SmoothingSettings.defaults() : smoothing;
        bouts = bouts == null ? BoutSettings.defaults() : bouts;
        calibration = calibration == null ? CalibrationSettings.defaults() : calibration;
        privacy = privacy == null ? PrivacySettings.defaults() : privacy;
        session = session == null ? "default" : session;
        checkSession("session", session);
    }

    public static GaitSettings defaults() {
        return new GaitSettings(PoseSettings.defaults(), ViewSetting.AUTO, SmoothingSettings.defaults(),
                BoutSettings.defaults(), CalibrationSettings.defaults(), PrivacySettings.defaults(), "default");
    }

    /**
     * Checks a session id (also used as a folder name).
     *
     * @throws IllegalArgumentException naming the value and the allowed characters
     */
    public static String checkSession(String what, String id) {
        return SessionIds.check(what, id);
    }

    /** The analysis settings these imply. */
    public AnalysisSettings analysis() {
        return new AnalysisSettings(view.view(), smoothing.window().toMillis() / 1000.0,
                smoothing.maxGap().toMillis() / 1000.0, bouts.stillBh(), bouts.minFreeze().toMillis() / 1000.0,
                bouts.shufflingLiftBh(), calibration.metresPerPixel(), calibration.subjectHeightM(),
                calibration.focalLengthPx());
    }

    /** These settings with the bouts' keypoints, when stored, in {@code dir/keypoints}. */
    @Override
    public GaitSettings writingUnder(Path dir) {
        PrivacySettings p = privacy;
        return !p.storeKeypoints() ? this : withPrivacy(new PrivacySettings(p.showVideo(), true,
                dir.resolve("keypoints"), p.retentionDays(), p.blurFaces(), p.faceDetector()));
    }

    /** These settings with other privacy settings. */
    public GaitSettings withPrivacy(PrivacySettings newPrivacy) {
        return new GaitSettings(pose, view, smoothing, bouts, calibration, newPrivacy, session);
    }

    /** These settings with another pose source. */
    public GaitSettings withPose(PoseSettings newPose) {
        return new GaitSettings(newPose, view, smoothing, bouts, calibration, privacy, session);
    }

    /** These settings with another view. */
    public GaitSettings withView(ViewSetting newView) {
        return new GaitSettings(pose, newView, smoothing, bouts, calibration, privacy, session);
    }

    /** These settings with another calibration. */
    public GaitSettings withCalibration(CalibrationSettings newCalibration) {
        return new GaitSettings(pose, view, smoothing, bouts, newCalibration, privacy, session);
    }

    /** These settings with other bout rules. */
    public GaitSettings withBouts(BoutSettings newBouts) {
        return new GaitSettings(pose, view, smoothing, newBouts, calibration, privacy, session);
    }
}
