package io.loupe.appliance.events;

import io.loupe.camera.Frame;
import io.loupe.pipelines.PipelineAlert;
import io.loupe.pipelines.PipelineResult;
import io.loupe.pipelines.pest.CaptureStatus;
import io.loupe.pipelines.pest.PestResult;
import io.loupe.pipelines.ResultSink;
import io.loupe.pipelines.defect.DefectResult;
import io.loupe.pipelines.defect.Timing;
import io.loupe.pipelines.defect.Verdict;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Turns NG and late results, failed or missed captures and pipeline alerts into {@link EventLog} entries, with a link
 * to the saved NG image when there is one.
 */
public final class ResultEvents implements ResultSink {
    private final EventLog log;

    public ResultEvents(EventLog log) {
        this.log = log;
    }

    @Override
    public void accept(String pipeline, PipelineResult result, Frame frame) {
        if (result instanceof PipelineAlert a) {
            log.add(EventKind.ALERT, pipeline, a.type().json() + ": " + a.message(),
                    a.type() != PipelineAlert.Type.END && a.severity() != PipelineAlert.Severity.INFO, null);
            return;
        }
        if (result instanceof PestResult p) {
            if (p.status() != CaptureStatus.COUNTED) {
                log.add(EventKind.CAPTURE, pipeline, p.trap() + ": capture " + p.status().name().toLowerCase(
                        Locale.ROOT) + ": " + p.reason(), true, null);
            } else if (p.trapChanged()) {
                log.add(EventKind.CAPTURE, pipeline, p.trap() + ": card changed, trap period " + p.period()
                        + " begins", false, null);
            }
            return;
        }
        if (!(result instanceof DefectResult r)) {
            return;
        }
        String part = r.partId() == null ? "#" + r.seq() : "part " + r.partId();
        if (r.verdict() == Verdict.NG) {
            String why = r.reasons().isEmpty() ? "" : ": " + String.join("; ", r.reasons());
            log.add(EventKind.NG, pipeline, part + " NG" + why, true, r.ngImage() == null ? null
                    : "/api/pipelines/" + encode(pipeline) + "/ng/" + encodePath(r.ngImage()));
        }
        if (r.timing() == Timing.LATE) {
            log.add(EventKind.LATE, pipeline, part + " " + r.verdict() + " late (" + Math.round(r.latencyMs())
                    + " ms, deadline " + r.deadline().toMillis() + " ms)", true, null);
        }
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String relative) {
        StringBuilder b = new StringBuilder();
        for (String segment : relative.split("/")) {
            b.append(b.isEmpty() ? "" : "/").append(encode(segment));
        }
        return b.toString();
    }
}
