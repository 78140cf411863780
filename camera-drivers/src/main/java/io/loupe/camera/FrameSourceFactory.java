package io.loupe.camera;

import java.util.Set;

/**
 * Creates {@link FrameSource}s for the URL schemes it owns ({@code file}, {@code rtsp}, {@code test}, …). Adding a kind
 * of camera means adding one factory to the {@link FrameSourceRegistry}.
 */
public interface FrameSourceFactory {

    /** URL schemes this factory handles, lower case, e.g. {@code Set.of("file")}. */
    Set<String> schemes();

    /**
     * Checks a camera spec without opening anything (used by {@code validate}). Besides the URL's syntax it may look
     * at the environment (does the file exist?).
     *
     * @return a problem description naming the offending value and the fix, or {@code null} when the spec is fine.
     *         The registry prefixes it with the camera id
     */
    String check(CameraSpec spec);

    /**
     * Creates an unopened source. Problems of the environment that may go away (a file not there yet, a host down)
     * are not checked here: {@link FrameSource#open()} reports them, and the camera retries.
     *
     * @throws IllegalArgumentException when the URL itself is malformed for this factory (waiting will not fix it)
     */
    FrameSource create(CameraSpec spec);
}
