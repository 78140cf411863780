package io.loupe.camera.file;

import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceFactory;

import java.net.URI;
import java.nio.file.Path;
import java.util.Set;

/**
 * The {@code file:} scheme. What the URL points at decides the source, looked up again at every (re)open: a folder or
 * a glob ({@code file:/traps/*.jpg}) or an image file (jpg, png, bmp, …) gives an {@link ImageFilesSource}; any other
 * file is decoded as a video by {@link VideoFileSource}. {@code ?watch=true} on a folder or glob (with {@code loop}
 * off) keeps it open for new files: a trap camera dropping JPEGs into a share. Relative paths are resolved against
 * the working directory; the appliance resolves them against the config file's folder with {@link #resolve} before
 * building the {@link CameraSpec}.
 */
public final class FileSourceFactory implements FrameSourceFactory {

    /**
     * Turns a {@code file:} URL as configured into the absolute, percent-encoded URL a {@link CameraSpec} carries:
     * percent-escapes are decoded once (spaces may also be written as they are), a relative path resolves against
     * {@code baseDir}, the option query is checked and the glob compiled.
     *
     * @param url     the URL as written, e.g. {@code file:traps/?watch=true} or {@code file:///data/my%20clips/a.mp4}
     * @param baseDir the folder relative paths resolve against (the configuration file's)
     * @throws IllegalArgumentException naming the URL, what is wrong and the fix: not a {@code file:} URL, a host,
     *                                  a broken percent-escape, an unknown option or a bad option value, a glob in a
     *                                  folder or a glob that does not compile; nothing on disk is looked at
     */
    public static URI resolve(String url, Path baseDir) {
        return FileTarget.parse(url, baseDir).toUri();
    }

    @Override
    public Set<String> schemes() {
        return Set.of("file");
    }

    @Override
    public String check(CameraSpec spec) {
        FileTarget target;
        try {
            target = FileTarget.parse(spec.url());
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        String watch = target.watchProblem(spec.loop());
        return watch != null ? watch : target.problemOnDisk();
    }

    /**
     * @throws IllegalArgumentException when the URL cannot be a local path; a missing file is reported by
     *                                  {@link FrameSource#open()} instead, so that the camera retries
     */
    @Override
    public FrameSource create(CameraSpec spec) {
        FileTarget target = FileTarget.parse(spec.url());
        String watch = target.watchProblem(spec.loop());
        if (watch != null) {
            throw new IllegalArgumentException(watch);
        }
        FileTarget.Kind kind = target.kind();
        return kind == FileTarget.Kind.VIDEO ? new VideoFileSource(spec, target.path())
                : new ImageFilesSource(spec, target, kind);
    }
}
