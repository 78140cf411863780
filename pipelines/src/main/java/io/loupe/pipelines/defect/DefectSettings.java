package io.loupe.pipelines.defect;

import io.loupe.pipelines.PipelineSettings;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The settings of a {@code type: defect} pipeline (its {@code settings:} block). Every key is optional; a missing one
 * takes its value from {@link #defaults()}.
 *
 * @param mode        how parts are found: {@code frame} (every frame is a part), {@code trigger}, {@code presence}
 * @param roi         the inspected region, a polygon of {@code [x, y]} frame pixels; empty for the whole frame. Findings
 *                    outside it do not count; presence looks for parts inside it
 * @param ignore      regions inside the ROI where findings do not count
 * @param rules       the verdict rules (scores, sizes, count)
 * @param mmPerPixel  calibration, millimetres per pixel at the part's distance; 0 when not calibrated (sizes are then
 *                    given in pixels only and {@code rules.minSizeMm} cannot be used)
 * @param deadline    a part's result is due this long after its trigger (trigger mode) or after the frame it was judged
 *                    in; a result that misses it is marked late, one that no frame reached is emitted late at it
 * @param reject      which results carry {@code reject: true}
 * @param trigger     trigger mode settings
 * @param presence    presence mode settings
 * @param anomaly     the anomaly path
 * @param ngImages    NG images kept on disk
 * @param stats       shift boundaries for the statistics
 */
public record DefectSettings(PartMode mode, List<List<Double>> roi, List<IgnoreRegion> ignore, DefectRules rules,
                             double mmPerPixel, Duration deadline, RejectPolicy reject, TriggerSettings trigger,
                             PresenceSettings presence, AnomalySettings anomaly, NgImageSettings ngImages,
                             StatsSettings stats) implements PipelineSettings {

    public DefectSettings {
        mode = mode == null ? PartMode.FRAME : mode;
        roi = Polygon.check("roi", roi, true);
        ignore = ignore == null ? List.of() : List.copyOf(ignore);
        rules = rules == null ? DefectRules.defaults() : rules;
        deadline = deadline == null ? defaults().deadline() : deadline;
        reject = reject == null ? RejectPolicy.NONE : reject;
        trigger = trigger == null ? TriggerSettings.defaults() : trigger;
        presence = presence == null ? PresenceSettings.defaults() : presence;
        anomaly = anomaly == null ? AnomalySettings.defaults() : anomaly;
        ngImages = ngImages == null ? NgImageSettings.defaults() : ngImages;
        stats = stats == null ? StatsSettings.defaults() : stats;
        if (!(mmPerPixel >= 0) || Double.isInfinite(mmPerPixel)) {
            throw new IllegalArgumentException("mmPerPixel must be >= 0 (0: not calibrated), got " + mmPerPixel);
        }
        if (rules.minSizeMm() > 0 && mmPerPixel == 0) {
            throw new IllegalArgumentException("rules.minSizeMm is " + rules.minSizeMm() + " but the camera is not"
                    + " calibrated: set mmPerPixel (millimetres per pixel), or use rules.minSizePx instead");
        }
        if (deadline.isNegative() || deadline.isZero()) {
            throw new IllegalArgumentException("deadline must be > 0, got " + deadline.toMillis() + " ms; write e.g."
                    + " 500ms");
        }
        if (mode == PartMode.TRIGGER && trigger.delay().compareTo(deadline) >= 0) {
            throw new IllegalArgumentException("trigger.delay (" + trigger.delay().toMillis() + " ms) must be shorter"
                    + " than deadline (" + deadline.toMillis() + " ms), or every part would be late");
        }
        Set<String> names = new HashSet<>();
        for (IgnoreRegion r : ignore) {
            if (!names.add(r.name())) {
                throw new IllegalArgumentException("ignore: two regions are named '" + r.name() + "'; give each its own"
                        + " name");
            }
        }
    }

    /** The values used for every key the configuration leaves out. */
    public static DefectSettings defaults() {
        return new DefectSettings(PartMode.FRAME, List.of(), List.of(), DefectRules.defaults(), 0,
                Duration.ofSeconds(1), RejectPolicy.NONE, TriggerSettings.defaults(), PresenceSettings.defaults(),
                AnomalySettings.defaults(), NgImageSettings.defaults(), StatsSettings.defaults());
    }

    /** These settings with other rules. */
    public DefectSettings withRules(DefectRules newRules) {
        return new DefectSettings(mode, roi, ignore, newRules, mmPerPixel, deadline, reject, trigger, presence, anomaly,
                ngImages, stats);
    }

    /** These settings with another deadline. */
    public DefectSettings withDeadline(Duration newDeadline) {
        return new DefectSettings(mode, roi, ignore, rules, mmPerPixel, newDeadline, reject, trigger, presence, anomaly,
                ngImages, stats);
    }

    /** These settings with other trigger settings. */
    public DefectSettings withTrigger(TriggerSettings newTrigger) {
        return new DefectSettings(mode, roi, ignore, rules, mmPerPixel, deadline, reject, newTrigger, presence, anomaly,
                ngImages, stats);
    }

    /** These settings with the NG images, when kept, in {@code dir/ng}. */
    @Override
    public DefectSettings writingUnder(Path dir) {
        NgImageSettings n = ngImages;
        return n.dir() == null ? this : new DefectSettings(mode, roi, ignore, rules, mmPerPixel, deadline, reject,
                trigger, presence, anomaly, new NgImageSettings(dir.resolve("ng"), n.maxCount(), n.maxMegabytes(),
                n.jpegQuality(), n.queue()), stats);
    }

    /** These settings with other NG image settings (e.g. the appliance's default folder). */
    public DefectSettings withNgImages(NgImageSettings newNgImages) {
        return new DefectSettings(mode, roi, ignore, rules, mmPerPixel, deadline, reject, trigger, presence, anomaly,
                newNgImages, stats);
    }

    /** These settings in another mode. */
    public DefectSettings withMode(PartMode newMode) {
        return new DefectSettings(newMode, roi, ignore, rules, mmPerPixel, deadline, reject, trigger, presence, anomaly,
                ngImages, stats);
    }
}
