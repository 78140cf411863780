package io.loupe.pipelines.pest;

import java.util.Locale;

/**
 * One action threshold: an alert when at least {@code min} insects of {@code species} arrived on the trap in the
 * window, e.g. {@code {species: whitefly, min: 50, per: week}}, or {@code {species: moth, min: 2, per: week, weeks: 2}}
 * for "2 per week for 2 consecutive weeks".
 *
 * @param species a label of the model
 * @param min     arrivals that raise the alert, at least 1
 * @param per     the window counted over (default week)
 * @param weeks   consecutive weeks that must each reach {@code min} (only with {@code per: week}; default 1)
 */
public record ActionThreshold(String species, int min, Window per, int weeks) {

    public ActionThreshold {
        if (species == null || species.isBlank()) {
            throw new IllegalArgumentException("thresholds: an entry has no species; write e.g. {species: whitefly,"
                    + " min: 50, per: week}");
        }
        species = species.trim();
        per = per == null ? Window.WEEK : per;
        weeks = weeks == 0 ? 1 : weeks;
        if (min < 1) {
            throw new IllegalArgumentException("thresholds: " + species + " has min " + min
                    + "; use the number of insects (at least 1) that calls for action");
        }
        if (weeks < 1 || weeks > 12) {
            throw new IllegalArgumentException("thresholds: " + species + " has weeks " + weeks
                    + "; use 1..12 consecutive weeks");
        }
        if (weeks > 1 && per != Window.WEEK) {
            throw new IllegalArgumentException("thresholds: " + species + " has weeks " + weeks + " with per "
                    + per.name().toLowerCase(Locale.ROOT) + "; consecutive weeks need per: week");
        }
    }

    /** A stable key for this rule, e.g. {@code whitefly/week/1}, used in event ids and the store. */
    public String key() {
        return species + "/" + per.name().toLowerCase(Locale.ROOT) + "/" + weeks;
    }

    /** For people: "whitefly >= 50 per trap per week". */
    public String describe() {
        String span = switch (per) {
            case DAY -> "day";
            case WEEK -> "week";
            case PERIOD -> "trap period";
        };
        return species + " >= " + min + " per trap per " + span + (weeks > 1 ? " for " + weeks + " consecutive weeks"
                : "");
    }
}
