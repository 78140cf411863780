package io.loupe.appliance.publish;

import io.loupe.pipelines.ModelRef;
import io.loupe.pipelines.pest.PestInsect;
import io.loupe.pipelines.pest.PestResult;
import io.loupe.pipelines.pest.SpeciesCount;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * {@code loupe.pest.result/1} on {@code loupe/<site>/<node>/<pipeline>/result}: one trap capture.
 *
 * @param schema      payload schema and version
 * @param seq         per-pipeline sequence number
 * @param ts          when the capture was counted
 * @param site        site id
 * @param node        node id
 * @param pipeline    pipeline id
 * @param camera      camera id
 * @param frame       the capture's frame, or null for a missed capture
 * @param model       the detector
 * @param trap        the trap's name
 * @param status      counted, failed or missed
 * @param reason      why it failed or was missed; empty when counted
 * @param period      trap period (card) number
 * @param periodStart when the period began, or null before any capture
 * @param trapChanged whether this capture started a new period
 * @param total       insects seen in this capture
 * @param arrivals    new arrivals in this capture
 * @param unseen      insects of the period this capture did not find
 * @param species     per species: seen, new, and arrivals today, this week, this period
 * @param insects     every insect seen, with its box
 * @param latencyMs   capture to result
 */
public record PestPayload(String schema, long seq, Instant ts, String site, String node, String pipeline,
                          String camera, FramePayload frame, ModelRef model, String trap, String status, String reason,
                          int period, Instant periodStart, boolean trapChanged, int total, int arrivals, int unseen,
                          List<SpeciesCount> species, List<Insect> insects, double latencyMs) {

    /**
     * One insect: its number on the card, its box in pixels and normalised to the frame.
     *
     * @param id      the insect's number in this trap period
     * @param species the model's label
     * @param score   detection score
     * @param box     x1, y1, x2, y2 in frame pixels
     * @param boxNorm the same divided by the frame width and height
     * @param arrival whether it is new since the previous capture
     */
    public record Insect(long id, String species, double score, double[] box, double[] boxNorm, boolean arrival) {
    }

    static PestPayload of(String site, String node, String pipeline, PestResult r) {
        int w = Math.max(1, r.frame().width());
        int h = Math.max(1, r.frame().height());
        List<Insect> insects = r.insects().stream().map(i -> insect(i, w, h)).toList();
        return new PestPayload(PestResult.SCHEMA, r.seq(), r.ts(), site, node, pipeline, r.frame().camera(),
                r.frame().present() ? FramePayload.of(r.frame()) : null, r.model(), r.trap(),
                r.status().name().toLowerCase(Locale.ROOT), r.reason(), r.period(), r.periodStart(), r.trapChanged(),
                r.total(), r.arrivals(), r.unseen(), r.species(), insects,
                DetectionPayload.round(r.latencyMs(), 2));
    }

    private static Insect insect(PestInsect i, int w, int h) {
        return new Insect(i.id(), i.species(), DetectionPayload.round(i.score(), 4),
                new double[]{DetectionPayload.round(i.x1(), 1), DetectionPayload.round(i.y1(), 1),
                    DetectionPayload.round(i.x2(), 1), DetectionPayload.round(i.y2(), 1)},
                new double[]{DetectionPayload.round(i.x1() / w, 5), DetectionPayload.round(i.y1() / h, 5),
                    DetectionPayload.round(i.x2() / w, 5), DetectionPayload.round(i.y2() / h, 5)}, i.arrival());
    }
}
