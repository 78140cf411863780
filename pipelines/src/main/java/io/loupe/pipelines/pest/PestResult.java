package io.loupe.pipelines.pest;

import io.loupe.pipelines.FrameRef;
import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.PipelineResult;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One trap capture ({@code loupe.pest.result/1}): counts per species with the boxes, new arrivals, and the trap's
 * totals; or a capture that failed or was missed, with the reason (the counts are then those kept from before).
 *
 * @param frame        the capture's frame; {@link FrameRef#none} for a missed capture
 * @param seq          per-pipeline sequence number (set by the worker)
 * @param ts           when the worker sequenced it
 * @param latencyMs    capture to result, milliseconds
 * @param model        the detector
 * @param trap         the trap's name
 * @param status       counted, failed or missed
 * @param reason       why a capture failed or was missed; empty when counted
 * @param period       the trap period (1 for the first card, +1 at every change)
 * @param periodStart  when the period began
 * @param trapChanged  true when this capture started a new period (the card was replaced)
 * @param species      one entry per species of the model, in the model's order
 * @param insects      every insect found in this capture (empty unless counted)
 * @param unseen       insects already on the trap that this capture did not find (covered, missed, or gone)
 */
public record PestResult(FrameRef frame, long seq, Instant ts, double latencyMs, ModelRef model, String trap,
                         CaptureStatus status, String reason, int period, Instant periodStart, boolean trapChanged,
                         List<SpeciesCount> species, List<PestInsect> insects, int unseen) implements PipelineResult {

    public static final String SCHEMA = "loupe.pest.result/1";

    public PestResult {
        Objects.requireNonNull(status, "status");
        reason = reason == null ? "" : reason;
        species = List.copyOf(species);
        insects = List.copyOf(insects);
    }

    @Override
    public String schema() {
        return SCHEMA;
    }

    @Override
    public PipelineResult sequenced(long seq, Instant ts, double latencyMs) {
        return new PestResult(frame, seq, ts, latencyMs, model, trap, status, reason, period, periodStart,
                trapChanged, species, insects, unseen);
    }

    /** Insects seen in this capture, all species. */
    public int total() {
        return insects.size();
    }

    /** New arrivals in this capture, all species. */
    public int arrivals() {
        return (int) insects.stream().filter(PestInsect::arrival).count();
    }

    /** The entry of one species, or null when the model has no such label. */
    public SpeciesCount of(String name) {
        return species.stream().filter(s -> s.species().equals(name)).findFirst().orElse(null);
    }
}
