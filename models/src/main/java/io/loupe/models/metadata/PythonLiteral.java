package io.loupe.models.metadata;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the Python literals Ultralytics writes into ONNX metadata with {@code str()}: dicts such as
 * {@code {0: 'person', 1: "people's"}}, lists and tuples such as {@code [640, 640]}, strings (either quote, backslash
 * escapes), integers, floats, {@code True}, {@code False} and {@code None}.
 *
 * <p>Values come back as {@link Long}, {@link Double}, {@link String}, {@link Boolean}, null, {@link List} and
 * {@link Map} (insertion-ordered). This is for metadata only, not a general Python parser.
 */
final class PythonLiteral {

    private final String text;
    private int pos;

    private PythonLiteral(String text) {
        this.text = text;
    }

    /** @throws IllegalArgumentException when {@code text} is not one literal; the message gives the position */
    static Object parse(String text) {
        PythonLiteral parser = new PythonLiteral(text);
        Object value = parser.value();
        parser.skipBlanks();
        if (parser.pos != text.length()) {
            throw parser.error("unexpected text after the value");
        }
        return value;
    }

    private Object value() {
        skipBlanks();
        if (pos >= text.length()) {
            throw error("value expected");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> dict();
            case '[' -> sequence('[', ']');
            case '(' -> sequence('(', ')');
            case '\'', '"' -> string(c);
            default -> bare();
        };
    }

    private Map<Object, Object> dict() {
        Map<Object, Object> map = new LinkedHashMap<>();
        pos++;
        skipBlanks();
        if (peek() == '}') {
            pos++;
            return map;
        }
        while (true) {
            Object key = value();
            skipBlanks();
            expect(':');
            map.put(key, value());
            skipBlanks();
            if (peek() == ',') {
                pos++;
                skipBlanks();
                if (peek() == '}') {
                    pos++;
                    return map;
                }
            } else {
                expect('}');
                return map;
            }
        }
    }

    private List<Object> sequence(char open, char close) {
        List<Object> list = new ArrayList<>();
        pos++;
        skipBlanks();
        if (peek() == close) {
            pos++;
            return list;
        }
        while (true) {
            list.add(value());
            skipBlanks();
            if (peek() == ',') {
                pos++;
                skipBlanks();
                if (peek() == close) {
                    pos++;
                    return list;
                }
            } else {
                expect(close);
                return list;
            }
        }
    }

    private String string(char quote) {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == quote) {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char e = text.charAt(pos++);
            switch (e) {
                case 'n' -> out.append('\n');
                case 't' -> out.append('\t');
                case 'r' -> out.append('\r');
                case 'x' -> out.append(hex(2));
                case 'u' -> out.append(hex(4));
                default -> out.append(e);
            }
        }
        throw error("unterminated string");
    }

    private char hex(int digits) {
        if (pos + digits > text.length()) {
            throw error("short escape");
        }
        char c = (char) Integer.parseInt(text.substring(pos, pos + digits), 16);
        pos += digits;
        return c;
    }

    private Object bare() {
        int start = pos;
        while (pos < text.length() && "{}[](),:'\"".indexOf(text.charAt(pos)) < 0
                && !Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
        String word = text.substring(start, pos);
        switch (word) {
            case "True":
                return Boolean.TRUE;
            case "False":
                return Boolean.FALSE;
            case "None":
                return null;
            default:
                break;
        }
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException notLong) {
            try {
                return Double.parseDouble(word);
            } catch (NumberFormatException notNumber) {
                pos = start;
                throw error("unknown token '" + word + "'");
            }
        }
    }

    private void skipBlanks() {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
            pos++;
        }
    }

    private char peek() {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(char c) {
        if (peek() != c) {
            throw error("'" + c + "' expected");
        }
        pos++;
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at position " + pos + " of " + abbreviate(text));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? "'" + s + "'" : "'" + s.substring(0, 77) + "...'";
    }
}
