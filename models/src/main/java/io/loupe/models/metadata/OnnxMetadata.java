package io.loupe.models.metadata;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The custom metadata of an ONNX file as Ultralytics writes it ({@code names}, {@code imgsz}, {@code task},
 * {@code stride}, {@code kpt_shape}, {@code description}, {@code version}, {@code author}). Files from other exporters
 * simply lack the keys.
 *
 * @param labels class names by id from {@code names} ({@code {0: 'person', …}} or a list); empty when absent or
 *     unreadable. Ids missing from a dict get {@code class<N>}
 * @param inputWidth width from {@code imgsz} ({@code [height, width]} or one number); 0 when absent
 * @param inputHeight height from {@code imgsz}; 0 when absent
 * @param task e.g. {@code detect}, {@code pose}, {@code classify}; null when absent
 * @param stride the largest stride; 0 when absent
 * @param description null when absent
 * @param version for Ultralytics exports the exporting Ultralytics version; null when absent
 * @param author null when absent
 * @param problems values present but unreadable, each naming the key and what was wrong; empty when all read
 * @param keypoints keypoints per object from {@code kpt_shape} ({@code [17, 3]}); 0 when absent
 * @param keypointDims values per keypoint from {@code kpt_shape}; 0 when absent
 */
public record OnnxMetadata(List<String> labels, int inputWidth, int inputHeight, String task, int stride,
        String description, String version, String author, List<String> problems, int keypoints, int keypointDims) {

    public OnnxMetadata {
        labels = List.copyOf(labels);
        problems = List.copyOf(problems);
    }

    /** Metadata with nothing in it. */
    public static OnnxMetadata empty() {
        return new OnnxMetadata(List.of(), 0, 0, null, 0, null, null, null, List.of(), 0, 0);
    }

    /** Reads the keys it knows from {@code custom}; unreadable values are skipped and listed in {@link #problems()}. */
    public static OnnxMetadata parse(Map<String, String> custom) {
        List<String> problems = new ArrayList<>();
        List<String> labels = labels(custom.get("names"), problems);
        int[] size = imgsz(custom.get("imgsz"), problems);
        int stride = 0;
        String strideText = blankToNull(custom.get("stride"));
        if (strideText != null) {
            try {
                stride = Integer.parseInt(strideText.trim());
            } catch (NumberFormatException e) {
                problems.add("stride '" + strideText + "' is not an integer");
            }
        }
        int[] keypointShape = keypointShape(custom.get("kpt_shape"), problems);
        return new OnnxMetadata(labels, size[1], size[0], blankToNull(custom.get("task")), stride,
                blankToNull(custom.get("description")), blankToNull(custom.get("version")),
                blankToNull(custom.get("author")), problems, keypointShape[0], keypointShape[1]);
    }

    /** Returns {keypoints, dims}, zeros when absent or unreadable. */
    private static int[] keypointShape(String text, List<String> problems) {
        if (blankToNull(text) == null) {
            return new int[] {0, 0};
        }
        try {
            Object parsed = PythonLiteral.parse(text);
            if (parsed instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Long k
                    && list.get(1) instanceof Long d && k > 0 && k < 10_000 && (d == 2 || d == 3)) {
                return new int[] {k.intValue(), d.intValue()};
            }
            problems.add("kpt_shape " + abbreviate(text) + " is not [keypoints, 2 or 3]");
        } catch (IllegalArgumentException e) {
            problems.add("kpt_shape cannot be read (" + e.getMessage() + ")");
        }
        return new int[] {0, 0};
    }

    private static List<String> labels(String names, List<String> problems) {
        if (blankToNull(names) == null) {
            return List.of();
        }
        try {
            Object parsed = PythonLiteral.parse(names);
            if (parsed instanceof List<?> list) {
                List<String> out = new ArrayList<>(list.size());
                for (Object item : list) {
                    out.add(String.valueOf(item));
                }
                return out;
            }
            if (parsed instanceof Map<?, ?> map) {
                return fromDict(map);
            }
            problems.add("names is neither a dict nor a list: " + abbreviate(names));
        } catch (IllegalArgumentException e) {
            problems.add("names cannot be read (" + e.getMessage() + ")");
        }
        return List.of();
    }

    private static List<String> fromDict(Map<?, ?> map) {
        int max = -1;
        for (Object key : map.keySet()) {
            if (!(key instanceof Long id) || id < 0 || id > 100_000) {
                throw new IllegalArgumentException("class id " + key + " is not an integer in 0..100000");
            }
            max = Math.max(max, id.intValue());
        }
        List<String> out = new ArrayList<>(Collections.nCopies(max + 1, (String) null));
        for (Map.Entry<?, ?> entry : map.entrySet()) {
            out.set(((Long) entry.getKey()).intValue(), String.valueOf(entry.getValue()));
        }
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i) == null) {
                out.set(i, "class" + i);
            }
        }
        return out;
    }

    /** Returns {height, width}, zeros when absent or unreadable. */
    private static int[] imgsz(String text, List<String> problems) {
        if (blankToNull(text) == null) {
            return new int[] {0, 0};
        }
        try {
            Object parsed = PythonLiteral.parse(text);
            if (parsed instanceof Long side && side > 0) {
                return new int[] {side.intValue(), side.intValue()};
            }
            if (parsed instanceof List<?> list && list.size() == 2 && list.get(0) instanceof Long h
                    && list.get(1) instanceof Long w && h > 0 && w > 0) {
                return new int[] {h.intValue(), w.intValue()};
            }
            problems.add("imgsz " + abbreviate(text) + " is not [height, width] or one positive integer");
        } catch (IllegalArgumentException e) {
            problems.add("imgsz cannot be read (" + e.getMessage() + ")");
        }
        return new int[] {0, 0};
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? "'" + s + "'" : "'" + s.substring(0, 57) + "...'";
    }
}
