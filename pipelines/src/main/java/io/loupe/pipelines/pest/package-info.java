/**
 * {@code type: pest} — counts insects on sticky traps: a capture schedule ({@link io.loupe.pipelines.pest.CaptureGate}),
 * sliced detection at full resolution ({@code pest/detect@v1}), then counts per species, new arrivals matched by
 * position against the insects already on the trap, trap changes, totals per day, week and trap period, and action
 * thresholds raising alerts ({@code pest/count@v1}). The trap's state lives in a local SQLite file
 * ({@link io.loupe.pipelines.pest.PestStore}) so counts survive a restart.
 */
package io.loupe.pipelines.pest;
