package io.loupe.mqtt;

import java.util.Objects;

/**
 * The topic contract of DESIGN §6 for one appliance ({@code loupe/<site>/<node>/…}). Every name segment is checked
 * here, once, so that no wildcard or separator can slip into a topic.
 *
 * <pre>
 * loupe/&lt;site&gt;/&lt;node&gt;/status                        retained "online" / "offline" (last will)
 * loupe/&lt;site&gt;/&lt;node&gt;/status/birth                  retained birth JSON
 * loupe/&lt;site&gt;/&lt;node&gt;/&lt;pipeline&gt;/result|event|stats|error
 * loupe/&lt;site&gt;/&lt;node&gt;/&lt;pipeline&gt;/&lt;setting&gt;/set|state
 * </pre>
 */
public final class Topics {

    /** First level of every Loupe topic. */
    public static final String PREFIX = "loupe";
    /** Pipeline names that would collide with the node's own topics. */
    private static final String RESERVED_PIPELINE = "status";

    private final String site;
    private final String node;
    private final String root;

    /**
     * @throws IllegalArgumentException when site or node is empty or contains {@code / + #}
     */
    public Topics(String site, String node) {
        this.site = segment("site", site);
        this.node = segment("node", node);
        this.root = PREFIX + '/' + this.site + '/' + this.node;
    }

    public String site() {
        return site;
    }

    public String node() {
        return node;
    }

    /** {@code loupe/<site>/<node>}: the prefix of every topic of this node. */
    public String root() {
        return root;
    }

    /** {@code loupe/<site>/<node>/#}: a filter matching every topic of this node. */
    public String all() {
        return root + "/#";
    }

    /** {@code loupe/<site>/<node>/status}: retained {@code online} at every connect, {@code offline} as last will. */
    public String status() {
        return root + "/status";
    }

    /** {@code loupe/<site>/<node>/status/birth}: the retained birth JSON (version, models, cameras, pipelines). */
    public String birth() {
        return root + "/status/birth";
    }

    /** {@code loupe/<site>/<node>/<pipeline>/result}: one message per inspection. */
    public String result(String pipeline) {
        return pipelineTopic(pipeline) + "/result";
    }

    /** {@code loupe/<site>/<node>/<pipeline>/event}: alerts ({@code new|update|end}). */
    public String event(String pipeline) {
        return pipelineTopic(pipeline) + "/event";
    }

    /** {@code loupe/<site>/<node>/<pipeline>/stats}: retained, periodic. */
    public String stats(String pipeline) {
        return pipelineTopic(pipeline) + "/stats";
    }

    /** {@code loupe/<site>/<node>/<pipeline>/<setting>/set}: commands to this node. */
    public String set(String pipeline, String setting) {
        return pipelineTopic(pipeline) + '/' + segment("setting", setting) + "/set";
    }

    /** {@code loupe/<site>/<node>/<pipeline>/<setting>/state}: the applied value, retained. */
    public String state(String pipeline, String setting) {
        return pipelineTopic(pipeline) + '/' + segment("setting", setting) + "/state";
    }

    /** {@code loupe/<site>/<node>/<pipeline>/error}: commands to that pipeline that were rejected, and why. */
    public String error(String pipeline) {
        return pipelineTopic(pipeline) + "/error";
    }

    /** {@code loupe/<site>/<node>/+/+/set}: the filter the link subscribes to for commands. */
    public String commandFilter() {
        return root + "/+/+/set";
    }

    /**
     * A topic under this node from levels that came off the wire (one topic level each, so without separators or
     * wildcards, but possibly a reserved name): for replies to a command whatever its pipeline.
     */
    String under(String pipeline, String... levels) {
        StringBuilder b = new StringBuilder(root).append('/').append(pipeline);
        for (String l : levels) {
            b.append('/').append(l);
        }
        return b.toString();
    }

    private String pipelineTopic(String pipeline) {
        String p = segment("pipeline", pipeline);
        if (p.equals(RESERVED_PIPELINE)) {
            throw new IllegalArgumentException("pipeline name \"status\" is reserved: " + root
                    + "/status is the node's online/offline topic; rename the pipeline, e.g. \"status-check\"");
        }
        return root + '/' + p;
    }

    /**
     * Checks one topic level: non-empty, no {@code /}, {@code +}, {@code #} and no NUL.
     *
     * @return the value unchanged
     * @throws IllegalArgumentException naming the value and the fix
     */
    static String segment(String what, String value) {
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException(what + " must not be " + (value == null ? "null" : "empty")
                    + ": it is one level of the MQTT topic " + PREFIX + "/<site>/<node>/…; set it, e.g. \"line-1\"");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '/' || c == '+' || c == '#' || c == '\0') {
                String shown = c == '\0' ? "NUL" : "'" + c + "'";
                throw new IllegalArgumentException(what + " \"" + value.replace("\0", "\\0") + "\" contains " + shown
                        + ", which MQTT reserves (level separator or wildcard): use letters, digits, '-' or '_',"
                        + " e.g. \"" + suggestion(value) + "\"");
            }
        }
        return value;
    }

    private static String suggestion(String value) {
        String s = value.replaceAll("[/+#\\x00]+", "-").replaceAll("^-+|-+$", "");
        return s.isEmpty() ? "line-1" : s;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Topics t && t.root.equals(root);
    }

    @Override
    public int hashCode() {
        return Objects.hash(root);
    }

    @Override
    public String toString() {
        return "Topics[" + root + "]";
    }
}
