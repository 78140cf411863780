package io.loupe.models.mediapipe;

/**
 * The MediaPipe models Loupe fetches: where each is in its npm package, the file it becomes, its recorded sha256, and
 * the manifest ({@code NAME.model.yml}) written beside it so that {@code Model.load} knows its decoder and input.
 */
public enum MediaPipeModel {

    /** BlazePose GHUM 3D landmarks, lite (2.8 MB): 256x256 crop in, 33 + 6 landmarks out. */
    POSE_LANDMARK_LITE(NpmPackage.POSE, "package/pose_landmark_lite.tflite", "pose_landmark_lite.tflite",
            "f17bfbecadb61c3be1baa8b8d851cc6619c870a87167b32848ad20db306b9d61", Kind.LANDMARKS),
    /** BlazePose GHUM 3D landmarks, full (6.4 MB). */
    POSE_LANDMARK_FULL(NpmPackage.POSE, "package/pose_landmark_full.tflite", "pose_landmark_full.tflite",
            "e9a5c5cb17f736fafd4c2ec1da3b3d331d6edbe8a0d32395855aeb2cdfd64b9f", Kind.LANDMARKS),
    /** BlazePose GHUM 3D landmarks, heavy (27.7 MB). */
    POSE_LANDMARK_HEAVY(NpmPackage.POSE, "package/pose_landmark_heavy.tflite", "pose_landmark_heavy.tflite",
            "59e42d71bcd44cbdbabc419f0ff76686595fd265419566bd4009ef703ea8e1fe", Kind.LANDMARKS),
    /**
     * The BlazePose person detector (224x224, 2254 SSD anchors, box + 4 keypoints). The package keeps it as the only
     * file of {@code pose_solution_packed_assets.data} (its loader lists
     * {@code /third_party/mediapipe/modules/pose_detection/pose_detection.tflite}, bytes 0 to the end).
     */
    POSE_DETECTOR(NpmPackage.POSE, "package/pose_solution_packed_assets.data", "pose_detection.tflite",
            "a63c614bef30d35947f13be361820b1e4e3bec9cfeebf4d11216a18373108e85", Kind.PERSON_DETECTOR),
    /** BlazeFace short range (faces within about 2 m; 128x128, 896 anchors, box + 6 keypoints). */
    FACE_SHORT_RANGE(NpmPackage.FACE_DETECTION, "package/face_detection_short_range.tflite",
            "face_detection_short_range.tflite",
            "3bc182eb9f33925d9e58b5c8d59308a760f4adea8f282370e428c51212c26633", Kind.FACE_DETECTOR),
    /** BlazeFace full range (faces up to about 5 m; 192x192, 2304 anchors). */
    FACE_FULL_RANGE(NpmPackage.FACE_DETECTION, "package/face_detection_full_range.tflite",
            "face_detection_full_range.tflite",
            "99bf9494d84f50acc6617d89873f71bf6635a841ea699c17cb3377f9507cfec3", Kind.FACE_DETECTOR),
    /** BlazeFace full range with sparse weights (DENSIFY). */
    FACE_FULL_RANGE_SPARSE(NpmPackage.FACE_DETECTION, "package/face_detection_full_range_sparse.tflite",
            "face_detection_full_range_sparse.tflite",
            "671dd2f9ed11a78436fc21cc42357a803dfc6f73e9fb86541be942d5716c2dce", Kind.FACE_DETECTOR);

    /** What a model does, which decides its manifest. */
    enum Kind {
        LANDMARKS,
        PERSON_DETECTOR,
        FACE_DETECTOR
    }

    private final NpmPackage npmPackage;
    private final String entry;
    private final String fileName;
    private final String sha256;
    private final Kind kind;

    MediaPipeModel(NpmPackage npmPackage, String entry, String fileName, String sha256, Kind kind) {
        this.npmPackage = npmPackage;
        this.entry = entry;
        this.fileName = fileName;
        this.sha256 = sha256;
        this.kind = kind;
    }

    public NpmPackage npmPackage() {
        return npmPackage;
    }

    /** The path inside the tarball. */
    public String entry() {
        return entry;
    }

    /** The file name in the target folder, e.g. {@code pose_landmark_lite.tflite}. */
    public String fileName() {
        return fileName;
    }

    /** The {@code .tflite} file's sha256, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /** The manifest's file name, e.g. {@code pose_landmark_lite.model.yml}. */
    public String manifestName() {
        return fileName.substring(0, fileName.length() - ".tflite".length()) + ".model.yml";
    }

    /** The manifest written beside the model. */
    public String manifest() {
        String head = "# Written by loupe models fetch from npm " + npmPackage.packageName() + " "
                + npmPackage.version() + " (Apache-2.0, see LICENSE-Apache-2.0.txt and NOTICE.txt here).\n"
                + "name: mediapipe-" + fileName.substring(0, fileName.length() - ".tflite".length()).replace('_', '-')
                + "\nversion: \"" + npmPackage.version() + "\"\nsha256: " + sha256 + "\n";
        return head + switch (kind) {
            case LANDMARKS -> "decoder: blazepose\ntask: pose\nlabels: [person]\n"
                    + "description: MediaPipe BlazePose GHUM 3D pose landmarks (33 body landmarks + 6 auxiliary) on a"
                    + " square person crop\n"
                    + "preprocess: {resize: stretch, color: rgb, scale: 1/255, pad: 0}\n";
            case PERSON_DETECTOR -> "decoder: mediapipe-ssd\ntask: detect\nlabels: [person]\nconfidence: 0.5\n"
                    + "iou: 0.3\ndescription: MediaPipe BlazePose person detector (box, hip centre, body scale point,"
                    + " shoulder centre, upper-body scale point)\n"
                    + "preprocess: {resize: letterbox, color: rgb, scale: 1/127.5, mean: [1, 1, 1], pad: 0}\n";
            case FACE_DETECTOR -> "decoder: mediapipe-ssd\ntask: detect\nlabels: [face]\nconfidence: "
                    + (this == FACE_SHORT_RANGE ? "0.5" : "0.6") + "\niou: 0.3\n"
                    + "description: MediaPipe BlazeFace face detector (box, eyes, nose tip, mouth, ear tragions)\n"
                    + "preprocess: {resize: letterbox, color: rgb, scale: 1/127.5, mean: [1, 1, 1], pad: 0}\n";
        };
    }
}
