package io.loupe.models.mediapipe;

import java.net.URI;

/**
 * The npm packages MediaPipe's models come in, pinned: version and the sha256 of the tarball the registry serves for
 * it (recorded when the pin was made; the registry's own integrity field is a sha512 of the same bytes). Both are
 * Apache-2.0 (their {@code package.json} {@code license} field).
 */
public enum NpmPackage {

    /** BlazePose: landmark models lite, full, heavy and the person detector. */
    POSE("@mediapipe/pose", "0.5.1675469404",
            "8bb349a7b3a3ba699df23be804ddd3b3eab810b50b15406894be257859388a84"),
    /** BlazeFace: short-range and full-range face detectors (and a sparse variant of the full range one). */
    FACE_DETECTION("@mediapipe/face_detection", "0.4.1657300184",
            "a118cde74923dc4435257fbfbb613464a0f58d115dff6314d4ff96c8aebf6419");

    private final String packageName;
    private final String version;
    private final String sha256;

    NpmPackage(String packageName, String version, String sha256) {
        this.packageName = packageName;
        this.version = version;
        this.sha256 = sha256;
    }

    /** The scoped npm name, e.g. {@code @mediapipe/pose}. */
    public String packageName() {
        return packageName;
    }

    public String version() {
        return version;
    }

    /** The tarball's sha256, lower-case hex. */
    public String sha256() {
        return sha256;
    }

    /** The tarball's file name, e.g. {@code pose-0.5.1675469404.tgz}. */
    public String tarballName() {
        return packageName.substring(packageName.indexOf('/') + 1) + "-" + version + ".tgz";
    }

    /** The tarball's address under a registry root such as {@code https://registry.npmjs.org/}. */
    public URI tarball(URI registry) {
        String root = registry.toString().endsWith("/") ? registry.toString() : registry + "/";
        return URI.create(root + packageName + "/-/" + tarballName());
    }
}
