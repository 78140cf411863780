/**
 * Running statistics of a defect line: parts seen, OK, NG, unknown, late, rejected, yield and the defect Pareto, for
 * the current shift ({@link io.loupe.pipelines.defect.stats.ShiftCalendar}, local start times with an injected clock)
 * and since start. {@link io.loupe.pipelines.defect.stats.DefectStats} counts results as a sink;
 * {@link io.loupe.pipelines.defect.stats.DefectStatsSnapshot} is what the appliance publishes retained.
 */
package io.loupe.pipelines.defect.stats;
