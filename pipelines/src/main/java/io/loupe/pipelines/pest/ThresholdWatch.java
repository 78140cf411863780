package io.loupe.pipelines.pest;

import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineAlert;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Checks the action thresholds after every counted capture and turns crossings into alerts of kind
 * {@code pest_threshold}: {@code new} the first time a rule holds, {@code update} while it holds and its count grows,
 * {@code end} once it no longer holds (a new day or week began, the card was changed). Raised alerts are kept in the
 * store, so a restart neither raises one twice nor forgets to end it.
 */
final class ThresholdWatch {
    static final String KIND = "pest_threshold";

    private final String pipeline;
    private final String trap;
    private final List<ActionThreshold> rules;
    private final PestStore store;
    private final Calendar calendar;
    private final Map<String, ActiveAlert> active;

    ThresholdWatch(String pipeline, String trap, List<ActionThreshold> rules, PestStore store, Calendar calendar,
                   Map<String, ActiveAlert> active) {
        this.pipeline = pipeline;
        this.trap = trap;
        this.rules = rules;
        this.store = store;
        this.calendar = calendar;
        this.active = active;
        // Alerts of rules no longer configured would never end: forget them.
        active.keySet().removeIf(k -> rules.stream().noneMatch(r -> r.key().equals(k)));
    }

    /** The alerts this capture raises, changes or ends, in rule order. */
    List<PipelineAlert> evaluate(Instant at, FrameRef frame, ModelRef model, Totals totals) throws SQLException {
        List<PipelineAlert> out = new ArrayList<>();
        for (ActionThreshold rule : rules) {
            int value = totals.of(rule.per(), rule.species());
            List<PipelineAlert.Value> values = new ArrayList<>();
            values.add(new PipelineAlert.Value("count", value, unit(rule)));
            values.add(new PipelineAlert.Value("threshold", rule.min(), unit(rule)));
            boolean holds = value >= rule.min();
            for (int w = 1; w < rule.weeks(); w++) {
                int earlier = store.arrivals(trap, calendar.weekStart(at, w), calendar.weekStart(at, w - 1))
                        .getOrDefault(rule.species(), 0);
                values.add(new PipelineAlert.Value("count_" + w + "_weeks_before", earlier, unit(rule)));
                holds &= earlier >= rule.min();
            }
            ActiveAlert raised = active.get(rule.key());
            if (holds && raised == null) {
                ActiveAlert a = new ActiveAlert(rule.key(), pipeline + ":" + trap + ":" + rule.key() + ":"
                        + at.getEpochSecond(), at, value);
                store.putAlert(trap, a);
                active.put(rule.key(), a);
                out.add(alert(frame, model, a, PipelineAlert.Type.NEW, rule, value, null, values));
            } else if (holds && raised.value() != value) {
                ActiveAlert a = new ActiveAlert(rule.key(), raised.eventId(), raised.startedAt(), value);
                store.putAlert(trap, a);
                active.put(rule.key(), a);
                out.add(alert(frame, model, a, PipelineAlert.Type.UPDATE, rule, value, null, values));
            } else if (!holds && raised != null) {
                store.removeAlert(trap, rule.key());
                active.remove(rule.key());
                out.add(alert(frame, model, raised, PipelineAlert.Type.END, rule, value, at, values));
            }
        }
        return out;
    }

    /** The rules exceeded now, described for people. */
    List<String> raised() {
        return rules.stream().filter(r -> active.containsKey(r.key())).map(ActionThreshold::describe).toList();
    }

    private PipelineAlert alert(FrameRef frame, ModelRef model, ActiveAlert a, PipelineAlert.Type type,
                                ActionThreshold rule, int value, Instant endedAt, List<PipelineAlert.Value> values) {
        String span = switch (rule.per()) {
            case DAY -> "today";
            case WEEK -> "this week";
            case PERIOD -> "since the card was changed";
        };
        String message = trap + ": " + value + " " + rule.species() + " " + span + " ("
                + (type == PipelineAlert.Type.END ? "below " : "action threshold ") + rule.describe() + ")";
        return PipelineAlert.of(frame, model, a.eventId(), type, KIND, PipelineAlert.Severity.WARNING, message,
                a.startedAt(), endedAt, values);
    }

    private static String unit(ActionThreshold rule) {
        return switch (rule.per()) {
            case DAY -> "insects/trap/day";
            case WEEK -> "insects/trap/week";
            case PERIOD -> "insects/trap";
        };
    }
}
