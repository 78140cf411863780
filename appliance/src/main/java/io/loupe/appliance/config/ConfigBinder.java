package io.loupe.appliance.config;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Binds parsed YAML (maps, lists, scalars) to records, strictly: every key must be a component of the record (an unknown
 * key is a problem naming the nearest valid one), {@link Required} components must be present, and every other missing
 * component takes its value from the record's {@code public static R defaults()} (or null / zero without one). Relative
 * {@link Path}s resolve against the configuration file's folder. Problems are collected, never thrown, so that one run
 * reports them all.
 */
public final class ConfigBinder {
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h|d)?");

    private final Path baseDir;
    private final List<ConfigProblem> problems;

    /**
     * @param baseDir  folder that relative paths resolve against
     * @param problems where problems are collected
     */
    public ConfigBinder(Path baseDir, List<ConfigProblem> problems) {
        this.baseDir = baseDir;
        this.problems = problems;
    }

    /** Binds {@code node} to {@code type}; returns null (and records a problem) when it cannot. */
    @SuppressWarnings("unchecked")
    public <T> T bind(Object node, Class<T> type, String path) {
        return (T) bindValue(node, type, path);
    }

    private Object bindValue(Object node, Type type, String path) {
        if (type instanceof ParameterizedType p) {
            Class<?> raw = (Class<?>) p.getRawType();
            if (raw == List.class) {
                return bindList(node, p.getActualTypeArguments()[0], path);
            }
            if (raw == Map.class) {
                return bindMap(node, p.getActualTypeArguments()[1], path);
            }
            throw new IllegalStateException("unsupported config type " + type + " at " + path);
        }
        Class<?> cls = (Class<?>) type;
        if (cls == RawNode.class) {
            return new RawNode(path, node);
        }
        if (node == null) {
            return null;
        }
        if (cls.isRecord()) {
            return bindRecord(node, cls, path);
        }
        if (node instanceof Map || node instanceof List) {
            problems.add(new ConfigProblem(path, null, "expected a single " + describe(cls) + ", found a "
                    + (node instanceof Map ? "block of keys" : "list")));
            return null;
        }
        return bindScalar(node.toString(), cls, path);
    }

    private Object bindRecord(Object node, Class<?> cls, String path) {
        if (!(node instanceof Map<?, ?> map)) {
            problems.add(new ConfigProblem(path, String.valueOf(node), "expected a block of keys ("
                    + String.join(", ", componentNames(cls)) + ")"));
            return null;
        }
        RecordComponent[] components = cls.getRecordComponents();
        List<String> names = componentNames(cls);
        for (Object key : map.keySet()) {
            String k = String.valueOf(key);
            if (!names.contains(k)) {
                String nearest = Suggest.nearest(k, names);
                problems.add(new ConfigProblem(join(path, k), null, "unknown key '" + k + "'"
                        + (nearest != null ? ": did you mean '" + nearest + "'?" : ": valid keys here are " + names)));
            }
        }
        Object defaults = defaults(cls);
        Object[] args = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        int before = problems.size();
        for (int i = 0; i < components.length; i++) {
            RecordComponent c = components[i];
            types[i] = c.getType();
            String childPath = join(path, c.getName());
            if (map.containsKey(c.getName()) && map.get(c.getName()) != null) {
                args[i] = bindValue(map.get(c.getName()), c.getGenericType(), childPath);
            } else if (c.getType() == RawNode.class) {
                args[i] = new RawNode(childPath, null);
            } else if (c.isAnnotationPresent(Required.class)) {
                problems.add(new ConfigProblem(childPath, null, "missing: this key is required"));
            } else {
                args[i] = defaults != null ? accessor(c, defaults) : emptyValue(c.getType());
            }
            if (args[i] == null && c.getType().isPrimitive()) {
                args[i] = emptyValue(c.getType());
            }
        }
        if (problems.size() > before) {
            return null;
        }
        try {
            var ctor = cls.getDeclaredConstructor(types);
            ctor.setAccessible(true);
            return ctor.newInstance(args);
        } catch (java.lang.reflect.InvocationTargetException e) {
            Throwable cause = e.getCause();
            problems.add(new ConfigProblem(path, null, cause.getMessage() == null ? cause.toString() : cause.getMessage()));
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot construct config record " + cls.getName(), e);
        }
    }

    private List<Object> bindList(Object node, Type element, String path) {
        if (node == null) {
            return List.of();
        }
        if (!(node instanceof List<?> list)) {
            problems.add(new ConfigProblem(path, String.valueOf(node), "expected a list (YAML '- item' lines or [a, b])"));
            return List.of();
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object v = bindValue(list.get(i), element, path + "[" + i + "]");
            if (v != null) {
                out.add(v);
            }
        }
        return List.copyOf(out);
    }

    private Map<String, Object> bindMap(Object node, Type valueType, String path) {
        if (node == null) {
            return Map.of();
        }
        if (!(node instanceof Map<?, ?> map)) {
            problems.add(new ConfigProblem(path, String.valueOf(node), "expected a block of named entries (id: …)"));
            return Map.of();
        }
        Map<String, Object> out = new LinkedHashMap<>();
        for (Map.Entry<?, ?> e : map.entrySet()) {
            String key = String.valueOf(e.getKey());
            Object v = bindValue(e.getValue(), valueType, join(path, key));
            if (v != null) {
                out.put(key, v);
            } else if (e.getValue() == null) {
                problems.add(new ConfigProblem(join(path, key), null, "empty entry: give it its keys or remove it"));
            }
        }
        return out;
    }

    private Object bindScalar(String text, Class<?> cls, String path) {
        String s = text.trim();
        try {
            if (cls == String.class) {
                return text;
            }
            if (cls == int.class || cls == Integer.class) {
                return Integer.parseInt(s);
            }
            if (cls == long.class || cls == Long.class) {
                return Long.parseLong(s);
            }
            if (cls == double.class || cls == Double.class) {
                return Double.parseDouble(s);
            }
            if (cls == float.class || cls == Float.class) {
                return Float.parseFloat(s);
            }
            if (cls == boolean.class || cls == Boolean.class) {
                if (s.equalsIgnoreCase("true") || s.equalsIgnoreCase("false")) {
                    return Boolean.parseBoolean(s);
                }
                throw new IllegalArgumentException();
            }
            if (cls == Path.class) {
                Path p = Path.of(s);
                return (p.isAbsolute() ? p : baseDir.resolve(p)).normalize();
            }
            if (cls == Duration.class) {
                return parseDuration(s);
            }
            if (cls.isEnum()) {
                for (Object constant : cls.getEnumConstants()) {
                    if (((Enum<?>) constant).name().equalsIgnoreCase(s)) {
                        return constant;
                    }
                }
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            problems.add(new ConfigProblem(path, text, "not " + describe(cls)));
            return null;
        }
        throw new IllegalStateException("unsupported config type " + cls + " at " + path);
    }

    static Duration parseDuration(String s) {
        Matcher m = DURATION.matcher(s.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("bad duration " + s);
        }
        double n = Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double millis = switch (unit) {
            case "ms" -> n;
            case "s" -> n * 1e3;
            case "m" -> n * 60e3;
            case "h" -> n * 3600e3;
            default -> n * 86400e3;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    private static String describe(Class<?> cls) {
        if (cls == int.class || cls == Integer.class || cls == long.class || cls == Long.class) {
            return "a whole number";
        }
        if (cls == double.class || cls == Double.class || cls == float.class || cls == Float.class) {
            return "a number";
        }
        if (cls == boolean.class || cls == Boolean.class) {
            return "true or false";
        }
        if (cls == Duration.class) {
            return "a duration such as 500ms, 10s, 5m, 1h";
        }
        if (cls.isEnum()) {
            return "one of " + Arrays.stream(cls.getEnumConstants()).map(c -> ((Enum<?>) c).name().toLowerCase(Locale.ROOT)).toList();
        }
        if (cls == Path.class) {
            return "a file path";
        }
        return "a " + cls.getSimpleName();
    }

    private static List<String> componentNames(Class<?> cls) {
        return Arrays.stream(cls.getRecordComponents()).map(RecordComponent::getName).toList();
    }

    private static Object defaults(Class<?> cls) {
        try {
            Method m = cls.getMethod("defaults");
            if (Modifier.isStatic(m.getModifiers()) && m.getReturnType() == cls) {
                return m.invoke(null);
            }
        } catch (NoSuchMethodException e) {
            return null;
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("defaults() of " + cls.getName() + " failed", e);
        }
        return null;
    }

    private static Object accessor(RecordComponent c, Object instance) {
        try {
            Method m = c.getAccessor();
            m.setAccessible(true);
            return m.invoke(instance);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot read default " + c.getName(), e);
        }
    }

    private static Object emptyValue(Class<?> type) {
        if (type == int.class) {
            return 0;
        }
        if (type == long.class) {
            return 0L;
        }
        if (type == double.class) {
            return 0d;
        }
        if (type == float.class) {
            return 0f;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == List.class) {
            return List.of();
        }
        if (type == Map.class) {
            return Map.of();
        }
        return null;
    }

    private static String join(String path, String key) {
        return path.isEmpty() ? key : path + "." + key;
    }
}
