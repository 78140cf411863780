package io.loupe.camera.file;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Where a {@code file:} URL points, read from the URL alone: a path, or a folder and a glob over the names in it, and
 * Loupe's options: {@code ?watch=true} (a folder or glob that keeps delivering the files that appear in it).
 *
 * @param url   the URL as configured
 * @param path  the file or folder; for a glob, the folder the glob looks in
 * @param glob  the glob over file names ({@code *.jpg}), or {@code null}
 * @param watch keep watching the folder for new files instead of ending after the last one
 */
record FileTarget(URI url, Path path, String glob, boolean watch) {

    /** What a target turned out to be on disk. */
    enum Kind { VIDEO, IMAGE, FOLDER, GLOB }

    /** File name extensions read as still images; anything else is handed to FFmpeg as a video. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp", "pgm",
            "ppm", "pbm", "pnm");

    /**
     * Reads a {@code file:} URL: {@code file:relative/path}, {@code file:/abs/path}, {@code file:///abs/path} (spaces
     * percent-encoded, as {@link Path#toUri()} writes them), or a glob in the last part, {@code file:/traps/*.jpg}.
     *
     * @throws IllegalArgumentException naming the URL and the fix when it cannot be a local path
     */
    static FileTarget parse(URI url) {
        String text;
        boolean watch = false;
        if (url.isOpaque()) {
            text = url.getSchemeSpecificPart();
            int q = text.lastIndexOf('?');
            if (q >= 0 && isOptions(text.substring(q + 1))) {
                watch = watchOption(url, text.substring(q + 1));
                text = text.substring(0, q);
            }
        } else {
            String host = url.getAuthority();
            if (host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
                throw new IllegalArgumentException("URL '" + url + "' names host '" + host + "'; file URLs are local:"
                        + " write file:" + host + url.getPath() + " for a relative path or file:/" + host
                        + url.getPath() + " for an absolute one");
            }
            text = url.getPath();
            if (url.getQuery() != null) {
                if (isOptions(url.getQuery())) {
                    watch = watchOption(url, url.getQuery());
                } else {
                    text = text + "?" + url.getQuery(); // '?' is a glob character here, not a query
                }
            }
        }
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("URL '" + url + "' names no file; e.g. file:clips/line.mp4,"
                    + " file:/data/traps/ or file:/data/traps/*.jpg");
        }
        Path path;
        try {
            path = Path.of(text);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("URL '" + url + "' is not a valid path: " + e.getMessage(), e);
        }
        Path name = path.getFileName();
        if (name != null && hasGlob(name.toString())) {
            Path parent = path.getParent();
            for (Path part : parent == null ? Path.of("") : parent) {
                if (hasGlob(part.toString())) {
                    throw new IllegalArgumentException("URL '" + url + "' has a glob in folder '" + part
                            + "'; only the last part may be a glob, e.g. file:/traps/*.jpg");
                }
            }
            return new FileTarget(url, parent == null ? Path.of("") : parent, name.toString(), watch);
        }
        if (parentsHaveGlob(path)) {
            throw new IllegalArgumentException("URL '" + url + "' has a glob in a folder name; only the last part may"
                    + " be a glob, e.g. file:/traps/*.jpg");
        }
        return new FileTarget(url, path, null, watch);
    }

    /** Looks at the disk: a glob, a folder, an image by its extension, else a video (existing or not). */
    Kind kind() {
        if (glob != null) {
            return Kind.GLOB;
        }
        if (Files.isDirectory(path)) {
            return Kind.FOLDER;
        }
        return isImageName(path.getFileName() == null ? "" : path.getFileName().toString()) ? Kind.IMAGE : Kind.VIDEO;
    }

    /**
     * What is wrong with watching this target, or {@code null}: only a folder or a glob can be watched, and only when
     * the camera does not loop (a looping folder already picks up new files at each pass).
     */
    String watchProblem(boolean loop) {
        if (!watch) {
            return null;
        }
        Kind kind = kind();
        if (kind != Kind.FOLDER && kind != Kind.GLOB) {
            return "URL '" + url + "': watch=true applies to a folder or a glob (file:/data/traps/?watch=true), not to"
                    + " one file";
        }
        if (loop) {
            return "URL '" + url + "': watch=true needs loop: false (a looping folder already picks up new files at"
                    + " each pass)";
        }
        return null;
    }

    /** A one-line description of the problem this target has on disk right now, or {@code null}. */
    String problemOnDisk() {
        if (glob != null) {
            if (!Files.isDirectory(path)) {
                return "URL '" + url + "': folder " + path.toAbsolutePath() + " does not exist; fix the path"
                        + " (relative paths resolve against the config file's folder)";
            }
            return null;
        }
        if (!Files.exists(path)) {
            return "URL '" + url + "': " + path.toAbsolutePath() + " does not exist; fix the path (relative paths"
                    + " resolve against the config file's folder)";
        }
        if (!Files.isReadable(path)) {
            return "URL '" + url + "': " + path.toAbsolutePath() + " is not readable; grant the appliance's user read"
                    + " access";
        }
        return null;
    }

    /** Whether a query is Loupe's options ({@code watch=…}) rather than the end of a glob ({@code img?.jpg}). */
    private static boolean isOptions(String query) {
        for (String pair : query.split("&")) {
            if (!pair.toLowerCase(Locale.ROOT).startsWith("watch=")) {
                return false;
            }
        }
        return !query.isEmpty();
    }

    private static boolean watchOption(URI url, String query) {
        boolean watch = false;
        for (String pair : query.split("&")) {
            String value = pair.substring(pair.indexOf('=') + 1).toLowerCase(Locale.ROOT);
            switch (value) {
                case "true" -> watch = true;
                case "false" -> watch = false;
                default -> throw new IllegalArgumentException("URL '" + url + "': watch='" + value + "' is not true or"
                        + " false; e.g. file:/data/traps/?watch=true");
            }
        }
        return watch;
    }

    static boolean isImageName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hasGlob(String part) {
        return part.indexOf('*') >= 0 || part.indexOf('?') >= 0 || part.indexOf('[') >= 0 || part.indexOf('{') >= 0;
    }

    private static boolean parentsHaveGlob(Path path) {
        for (Path part : path) {
            if (hasGlob(part.toString())) {
                return true;
            }
        }
        return false;
    }
}
