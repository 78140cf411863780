package io.loupe.models.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The {@code --name value} arguments of the bench mains; unknown names are errors that list the known ones. */
final class BenchArgs {

    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private BenchArgs() {
    }

    /** @throws IllegalArgumentException for an unknown name or a name without value */
    static BenchArgs parse(String[] args, Set<String> known, Set<String> flags) {
        BenchArgs parsed = new BenchArgs();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (flags.contains(name)) {
                parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
                continue;
            }
            if (!known.contains(name)) {
                throw new IllegalArgumentException("Unknown argument '" + name + "'; known: " + known + " " + flags);
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("Argument " + name + " needs a value");
            }
            parsed.values.computeIfAbsent(name, k -> new ArrayList<>()).add(args[++i]);
        }
        return parsed;
    }

    String get(String name, String fallback) {
        List<String> v = values.get(name);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    List<String> all(String name) {
        return values.getOrDefault(name, List.of());
    }

    boolean flag(String name) {
        return values.containsKey(name);
    }

    int integer(String name, int fallback) {
        String v = get(name, null);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Argument " + name + " must be an integer, not '" + v + "'");
        }
    }

    double number(String name, double fallback) {
        String v = get(name, null);
        try {
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Argument " + name + " must be a number, not '" + v + "'");
        }
    }

    Path path(String name, String fallback) {
        return Path.of(get(name, fallback));
    }
}
