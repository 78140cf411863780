package io.loupe.camera.file;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Where a {@code file:} URL points, read from the URL alone: a path, or a folder and a glob over the names in it, and
 * Loupe's options: {@code ?watch=true} (a folder or glob that keeps delivering the files that appear in it).
 *
 * @param url   the URL as written
 * @param path  the file or folder; for a glob, the folder the glob looks in
 * @param glob  the glob over file names ({@code *.jpg}), or {@code null}
 * @param watch keep watching the folder for new files instead of ending after the last one
 */
record FileTarget(String url, Path path, String glob, boolean watch) {

    /** What a target turned out to be on disk. */
    enum Kind { VIDEO, IMAGE, FOLDER, GLOB }

    /** File name extensions read as still images; anything else is handed to FFmpeg as a video. */
    static final Set<String> IMAGE_EXTENSIONS = Set.of("jpg", "jpeg", "png", "bmp", "tif", "tiff", "webp", "pgm",
            "ppm", "pbm", "pnm");

    /** The options a {@code file:} URL takes, as the messages list them. */
    private static final String OPTIONS = "watch (true/false)";

    /** A query of {@code name=value} pairs: options, not the end of a glob such as {@code img?.jpg}. */
    private static final Pattern OPTION_QUERY = Pattern.compile("\\w+=[^/?&]*(&\\w+=[^/?&]*)*");

    /** Camera settings that users put in the URL by mistake. */
    private static final Set<String> CAMERA_KEYS = Set.of("loop", "realtime", "maxfps", "enabled");

    /**
     * Reads a {@code file:} URL, e.g. a camera spec's; relative paths stay relative (to the working directory).
     *
     * @throws IllegalArgumentException as {@link #parse(String, Path)}
     */
    static FileTarget parse(URI url) {
        return parse(url.toString(), null);
    }

    /**
     * Reads the text of a {@code file:} URL: {@code file:relative/path}, {@code file:/abs/path},
     * {@code file:///abs/path} or {@code file://localhost/abs/path}, a glob in the last part
     * ({@code file:/traps/*.jpg}, {@code img?.jpg}), then options ({@code ?watch=true}). Percent-escapes
     * ({@code %20}, {@code %C3%BC}, as {@link Path#toUri()} writes them) are decoded exactly once; other characters,
     * spaces included, are taken as they are. A '?' is an option query only before {@code name=value} pairs; a '?'
     * that belongs to a name before such text is written {@code %3F}.
     *
     * @param text    the URL as written
     * @param baseDir the folder a relative path resolves against, or {@code null} to leave it relative
     * @throws IllegalArgumentException naming the URL, the offending part and the fix when it is not a {@code file:}
     *                                  URL, names a host, has a broken percent-escape, an unknown option or a bad
     *                                  option value, is not a valid path, has a glob in a folder, or a glob that does
     *                                  not compile
     */
    static FileTarget parse(String text, Path baseDir) {
        if (!text.regionMatches(true, 0, "file:", 0, 5)) {
            throw new IllegalArgumentException("URL '" + text + "' is not a file: URL; e.g. file:clips/line.mp4");
        }
        String rest = text.substring(5);
        if (rest.startsWith("//")) {
            int slash = rest.indexOf('/', 2);
            String host = rest.substring(2, slash < 0 ? rest.length() : slash);
            if (!host.isEmpty() && !host.equalsIgnoreCase("localhost")) {
                String after = slash < 0 ? "" : rest.substring(slash);
                throw new IllegalArgumentException("URL '" + text + "' names host '" + host + "'; file URLs are"
                        + " local: write file:" + host + after + " for a relative path or file:/" + host + after
                        + " for an absolute one");
            }
            rest = slash < 0 ? "" : rest.substring(slash);
        }
        boolean watch = false;
        int q = rest.lastIndexOf('?');
        if (q >= 0 && OPTION_QUERY.matcher(rest.substring(q + 1)).matches()) {
            watch = watchOption(text, rest.substring(q + 1));
            rest = rest.substring(0, q);
        }
        String decoded = decode(text, rest);
        if (decoded.isBlank()) {
            throw new IllegalArgumentException("URL '" + text + "' names no file; e.g. file:clips/line.mp4,"
                    + " file:/data/traps/ or file:/data/traps/*.jpg");
        }
        Path path;
        try {
            path = Path.of(decoded);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("URL '" + text + "' is not a valid path: " + e.getMessage(), e);
        }
        path = (baseDir == null || path.isAbsolute() ? path : baseDir.resolve(path)).normalize();
        Path name = path.getFileName();
        String glob = name != null && hasGlob(name.toString()) ? name.toString() : null;
        Path folder = glob == null ? path : path.getParent() == null ? Path.of("") : path.getParent();
        for (Path part : folder) {
            if (hasGlob(part.toString())) {
                throw new IllegalArgumentException("URL '" + text + "' has a glob in folder '" + part
                        + "'; only the last part may be a glob, e.g. file:/traps/*.jpg");
            }
        }
        if (glob != null) {
            try {
                FileSystems.getDefault().getPathMatcher("glob:" + glob);
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException("URL '" + text + "': glob '" + glob + "' is not valid (a [ or {"
                        + " left open, a { inside {…}, a range backwards like [9-0], or a \\ at the end); close each"
                        + " [ with ] and each { with }, e.g. img[0-9].jpg or *.{jpg,png}; a literal [ or { is written"
                        + " \\[ or \\{", e);
            }
        }
        return new FileTarget(text, folder, glob, watch);
    }

    /**
     * The URL in its one written form: absolute (against the working directory when the path is relative),
     * percent-encoded by {@link Path#toUri()}, with {@code ?watch=true} when watching. {@link #parse(URI)} reads it
     * back to an equal target.
     */
    URI toUri() {
        Path full = glob == null ? path : path.resolve(glob);
        return URI.create(full.toUri() + (watch ? "?watch=true" : ""));
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

    private static boolean watchOption(String url, String query) {
        boolean watch = false;
        for (String pair : query.split("&")) {
            String key = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1).toLowerCase(Locale.ROOT);
            if (!key.equalsIgnoreCase("watch")) {
                throw new IllegalArgumentException("URL '" + url + "': unknown option '" + key + "' on a file: URL;"
                        + " the options are: " + OPTIONS
                        + (CAMERA_KEYS.contains(key.toLowerCase(Locale.ROOT)) ? "; " + key + " is a camera setting:"
                        + " write it next to url (" + key + ": …)" : "")
                        + ". A '?' that belongs to the file name or glob is written %3F");
            }
            switch (value) {
                case "true" -> watch = true;
                case "false" -> watch = false;
                default -> throw new IllegalArgumentException("URL '" + url + "': watch='" + value + "' is not true or"
                        + " false; e.g. file:/data/traps/?watch=true");
            }
        }
        return watch;
    }

    /** Decodes the percent-escapes of {@code part} once; each run of escapes is UTF-8. */
    private static String decode(String url, String part) {
        StringBuilder out = new StringBuilder(part.length());
        for (int i = 0; i < part.length(); ) {
            if (part.charAt(i) != '%') {
                out.append(part.charAt(i++));
                continue;
            }
            ByteBuffer run = ByteBuffer.allocate(part.length() / 3 + 1);
            while (i < part.length() && part.charAt(i) == '%') {
                int hi = i + 2 < part.length() ? Character.digit(part.charAt(i + 1), 16) : -1;
                int lo = hi >= 0 ? Character.digit(part.charAt(i + 2), 16) : -1;
                if (lo < 0) {
                    throw new IllegalArgumentException("URL '" + url + "' has '%' not followed by two hex digits at '"
                            + part.substring(i, Math.min(part.length(), i + 3)) + "'; write a literal % as %25");
                }
                run.put((byte) (hi * 16 + lo));
                i += 3;
            }
            try {
                out.append(StandardCharsets.UTF_8.newDecoder().decode(run.flip()));
            } catch (CharacterCodingException e) {
                throw new IllegalArgumentException("URL '" + url + "' has percent-escapes that are not UTF-8 text;"
                        + " encode names as UTF-8 (ü is %C3%BC), as Path#toUri() does", e);
            }
        }
        return out.toString();
    }

    static boolean isImageName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        return dot >= 0 && IMAGE_EXTENSIONS.contains(fileName.substring(dot + 1).toLowerCase(Locale.ROOT));
    }

    private static boolean hasGlob(String part) {
        return part.indexOf('*') >= 0 || part.indexOf('?') >= 0 || part.indexOf('[') >= 0 || part.indexOf('{') >= 0;
    }
}
