package io.loupe.appliance.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code --flag value} and {@code --switch} arguments of one command. Flags may repeat ({@link #all}). Unknown flags are
 * a {@link UsageException} naming them and the accepted ones.
 */
public final class Args {
    private final Map<String, List<String>> values = new LinkedHashMap<>();

    private Args() {
    }

    /**
     * @param withValue flags that take a value
     * @param switches  flags that take none
     */
    public static Args parse(String[] argv, Set<String> withValue, Set<String> switches) throws UsageException {
        Args args = new Args();
        for (int i = 0; i < argv.length; i++) {
            String a = argv[i];
            String name = a;
            String inline = null;
            int eq = a.indexOf('=');
            if (a.startsWith("--") && eq > 0) {
                name = a.substring(0, eq);
                inline = a.substring(eq + 1);
            }
            if (withValue.contains(name)) {
                String v = inline;
                if (v == null) {
                    if (i + 1 >= argv.length || argv[i + 1].startsWith("--")) {
                        throw new UsageException(name + " needs a value");
                    }
                    v = argv[++i];
                }
                args.values.computeIfAbsent(name, k -> new ArrayList<>()).add(v);
            } else if (switches.contains(name) && inline == null) {
                args.values.computeIfAbsent(name, k -> new ArrayList<>()).add("true");
            } else {
                List<String> known = new ArrayList<>(withValue);
                known.addAll(switches);
                throw new UsageException("unknown argument '" + a + "': this command accepts " + known);
            }
        }
        return args;
    }

    public String get(String flag, String fallback) {
        List<String> v = values.get(flag);
        return v == null ? fallback : v.get(v.size() - 1);
    }

    public String required(String flag) throws UsageException {
        String v = get(flag, null);
        if (v == null) {
            throw new UsageException(flag + " is required");
        }
        return v;
    }

    public List<String> all(String flag) {
        return values.getOrDefault(flag, List.of());
    }

    public boolean has(String flag) {
        return values.containsKey(flag);
    }

    public Path path(String flag, String fallback) {
        return Path.of(get(flag, fallback));
    }

    public double number(String flag, double fallback) throws UsageException {
        String v = get(flag, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " takes a number, got '" + v + "'");
        }
    }

    public int integer(String flag, int fallback) throws UsageException {
        String v = get(flag, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new UsageException(flag + " takes a whole number, got '" + v + "'");
        }
    }
}
