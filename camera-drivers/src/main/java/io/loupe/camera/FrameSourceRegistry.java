package io.loupe.camera;

import io.loupe.camera.file.FileSourceFactory;
import io.loupe.camera.pattern.TestPatternFactory;
import io.loupe.camera.stream.StreamSourceFactory;
import io.loupe.camera.v4l2.V4l2SourceFactory;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds the {@link FrameSourceFactory} for a camera URL by its scheme. Adding a kind of camera means registering one
 * factory here (or on the registry the appliance builds). Thread-safe. Messages mask camera credentials
 * ({@link Redact}).
 */
public final class FrameSourceRegistry {

    private final Map<String, FrameSourceFactory> factories = new TreeMap<>();

    /**
     * A registry knowing {@code file:} (video, image, folder, glob), {@code test:} (pattern), the network streams
     * {@code rtsp:}, {@code rtsps:}, {@code rtmp:}, {@code rtmps:}, {@code http:}, {@code https:} (MJPEG, HLS, …) and
     * {@code v4l2:} (USB/UVC cameras).
     */
    public static FrameSourceRegistry withDefaults() {
        FrameSourceRegistry registry = new FrameSourceRegistry();
        registry.register(new FileSourceFactory());
        registry.register(new TestPatternFactory());
        registry.register(new StreamSourceFactory());
        registry.register(new V4l2SourceFactory());
        return registry;
    }

    /**
     * Adds a factory for its schemes.
     *
     * @throws IllegalArgumentException when one of its schemes is already taken by another factory
     */
    public synchronized void register(FrameSourceFactory factory) {
        for (String scheme : factory.schemes()) {
            String key = scheme.toLowerCase(Locale.ROOT);
            FrameSourceFactory other = factories.get(key);
            if (other != null && other != factory) {
                throw new IllegalArgumentException("scheme '" + key + "' is already handled by "
                        + other.getClass().getName() + "; cannot register " + factory.getClass().getName()
                        + " for it too");
            }
        }
        for (String scheme : factory.schemes()) {
            factories.put(scheme.toLowerCase(Locale.ROOT), factory);
        }
    }

    /** The schemes known, sorted, e.g. {@code "file, test"}. */
    public synchronized String knownSchemes() {
        return String.join(", ", factories.keySet());
    }

    /**
     * Checks a camera without opening anything (for {@code validate}).
     *
     * @return {@code null} when fine; otherwise one message naming the camera id, its URL and the fix
     */
    public String check(CameraSpec spec) {
        if (spec == null) {
            return "camera spec is missing";
        }
        String id = spec.id();
        String url = Redact.url(spec.url());
        if (id == null || id.isBlank()) {
            return "a camera has no id (URL " + url + "); give every camera a unique id";
        }
        if (spec.maxFps() < 0 || Double.isNaN(spec.maxFps())) {
            return "camera '" + id + "': maxFps " + spec.maxFps() + " is invalid; use 0 for no cap or a positive rate";
        }
        if (spec.url() == null) {
            return "camera '" + id + "': URL is missing; e.g. file:clips/line.mp4 or test:pattern";
        }
        String scheme = spec.url().getScheme();
        if (scheme == null) {
            return "camera '" + id + "': URL '" + url + "' has no scheme; write e.g. file:" + url
                    + " (known schemes: " + knownSchemes() + ")";
        }
        FrameSourceFactory factory = factoryFor(scheme);
        if (factory == null) {
            return "camera '" + id + "': no driver for scheme '" + scheme + "' in URL '" + url
                    + "'; known schemes: " + knownSchemes();
        }
        String problem = factory.check(spec);
        return problem == null ? null : Redact.text("camera '" + id + "': " + problem);
    }

    /**
     * Creates an unopened source for the camera.
     *
     * @throws IllegalArgumentException when the URL has no known scheme or is malformed for its driver; the message
     *                                  is the one {@link #check} gives. Problems that may go away (a file not there
     *                                  yet, a camera unplugged) surface from {@link FrameSource#open()} instead
     */
    public FrameSource create(CameraSpec spec) {
        String id = spec == null ? null : spec.id();
        String scheme = spec == null || spec.url() == null ? null : spec.url().getScheme();
        FrameSourceFactory factory = scheme == null ? null : factoryFor(scheme);
        if (factory == null || id == null || id.isBlank()) {
            throw new IllegalArgumentException(check(spec));
        }
        try {
            return factory.create(spec);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(Redact.text("camera '" + id + "': " + e.getMessage()), e);
        }
    }

    private synchronized FrameSourceFactory factoryFor(String scheme) {
        return factories.get(scheme.toLowerCase(Locale.ROOT));
    }
}
