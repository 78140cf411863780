package io.loupe.camera.pattern;

import java.net.URI;
import java.util.Locale;

/**
 * The parameters of a {@code test:pattern?…} URL.
 *
 * @param width  frame width, {@value #MIN_WIDTH}–{@value #MAX_WIDTH} (default 640)
 * @param height frame height, {@value #MIN_HEIGHT}–{@value #MAX_HEIGHT} (default 480)
 * @param fps    nominal rate, for presentation times and {@code realtime} pacing, above 0 and up to 1000 (default 25)
 * @param frames frames before the pattern ends (or loops), 0 for endless (default)
 */
public record PatternParams(int width, int height, double fps, long frames) {

    static final int MIN_WIDTH = 64;
    static final int MAX_WIDTH = 7680;
    static final int MIN_HEIGHT = 48;
    static final int MAX_HEIGHT = 4320;
    private static final String FORM = "test:pattern?width=640&height=480&fps=25&frames=0";

    /**
     * Reads {@code test:pattern} with optional {@code width}, {@code height}, {@code fps} and {@code frames}.
     *
     * @throws IllegalArgumentException naming the URL, the offending part and the accepted form
     */
    public static PatternParams parse(URI url) {
        String rest = url.getRawSchemeSpecificPart();
        if (rest == null) {
            rest = "";
        }
        if (rest.startsWith("//")) {
            rest = rest.substring(2);
        }
        int q = rest.indexOf('?');
        String name = q < 0 ? rest : rest.substring(0, q);
        String query = q < 0 ? "" : rest.substring(q + 1);
        if (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (!name.equals("pattern")) {
            throw new IllegalArgumentException("URL '" + url + "' names test source '" + name
                    + "'; the only one is 'pattern', e.g. " + FORM);
        }
        int width = 640;
        int height = 480;
        double fps = 25;
        long frames = 0;
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String key = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            switch (key) {
                case "width" -> width = (int) number(url, key, value, MIN_WIDTH, MAX_WIDTH, true);
                case "height" -> height = (int) number(url, key, value, MIN_HEIGHT, MAX_HEIGHT, true);
                case "fps" -> fps = number(url, key, value, Double.MIN_VALUE, 1_000, false);
                case "frames" -> frames = (long) number(url, key, value, 0, Long.MAX_VALUE, true);
                default -> throw new IllegalArgumentException("URL '" + url + "' has unknown parameter '" + key
                        + "'; accepted: width, height, fps, frames, e.g. " + FORM);
            }
        }
        return new PatternParams(width, height, fps, frames);
    }

    private static double number(URI url, String key, String value, double min, double max, boolean whole) {
        double parsed;
        try {
            parsed = whole ? Long.parseLong(value) : Double.parseDouble(value);
        } catch (NumberFormatException e) {
            parsed = Double.NaN;
        }
        if (Double.isNaN(parsed) || Double.isInfinite(parsed) || parsed < min || parsed > max) {
            String range = whole ? (long) min + " to " + (max >= Long.MAX_VALUE ? "any" : String.valueOf((long) max))
                    : "above 0 up to " + (long) max;
            throw new IllegalArgumentException("URL '" + url + "': " + key + "='" + value + "' is not "
                    + (whole ? "a whole number " : "a number ") + range + ", e.g. " + FORM);
        }
        return parsed;
    }
}
