package io.loupe.appliance.bench;

import java.io.PrintStream;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The report as a table for people. */
public final class BenchPrinter {
    private BenchPrinter() {
    }

    /** Prints {@code r} as aligned text. */
    public static void print(BenchReport r, PrintStream out) {
        BenchReport.Setup s = r.setup();
        out.printf(Locale.ROOT, "Loupe bench — %s on %s (%d cores), ONNX Runtime %s, provider %s%n", s.model(), s.cpu(),
                s.cores(), s.onnxruntime(), s.provider());
        out.printf(Locale.ROOT, "pipeline %s, input %s, video %s; %d windows of %d frames per camera; medians%n%n",
                s.pipeline(), s.input(), s.video(), s.windows(), s.windowFrames());
        out.printf(Locale.ROOT, "model only (bare OrtSession.run)   %8.1f fps  (%.2f ms/run; rounds %s)%n",
                r.baseline().medianFps(), r.baseline().medianMs(), fmt(r.baseline().fps()));
        throughput(r.single(), out);
        if (r.multi() != null) {
            throughput(r.multi(), out);
            out.printf(Locale.ROOT, "  %d cameras vs 1: total throughput x%.3f%n", r.multi().cameras(),
                    r.multi().medianFps() / r.single().medianFps());
        }
        BenchReport.Paced p = r.paced();
        out.printf(Locale.ROOT, "%npaced, 1 camera (cap %.0f fps): %.1f fps, %d results received over MQTT%n",
                p.capFps(), p.fps(), p.results());
        out.printf(Locale.ROOT, "  startup to first result      %8.0f ms%n", p.startupMs());
        out.printf(Locale.ROOT, "  frame → result in the appliance  p50 %.1f ms, p99 %.1f ms (recent window)%n",
                p.resultP50Ms(), p.resultP99Ms());
        out.printf(Locale.ROOT, "  frame → MQTT subscriber          p50 %.1f ms, p99 %.1f ms;"
                + " p99 minus inference p99: %.1f ms%n", p.e2eP50Ms(), p.e2eP99Ms(), p.e2eMinusInferenceP99Ms());
        phases(p.phases(), out);
        BenchReport.MemorySample last = p.memory().get(p.memory().size() - 1);
        out.printf(Locale.ROOT, "  memory: heap %.0f MiB, RSS %.0f MiB (peak %.0f MiB) after %.0f s;"
                + " RSS trend %+.2f MiB/min over %d samples%n", last.heapMb(), last.rssMb(), last.peakRssMb(),
                last.atSeconds(), p.rssGrowthMbPerMin(), p.memory().size());
        out.printf(Locale.ROOT, "  live heap after a full GC: %.1f MiB once warm, %.1f MiB at the end%n",
                p.liveHeapStartMb(), p.liveHeapEndMb());
        gc(p.gc(), out);
    }

    private static void throughput(BenchReport.Throughput t, PrintStream out) {
        out.printf(Locale.ROOT, "%npipeline, %d camera(s), unpaced   %8.1f fps  (x%.3f of model only; windows %s)%n",
                t.cameras(), t.medianFps(), t.ratioToModel(), fmt(t.fps()));
        if (t.cameras() > 1) {
            out.printf(Locale.ROOT, "  per camera %s fps, slowest/fastest %.3f%n", fmt(t.perCameraFps()),
                    t.fairness());
        }
        if (t.modelShare() < 0.99) {
            out.printf(Locale.ROOT, "  the model ran on %.0f %% of the frames (the pipeline skips the others)%n",
                    t.modelShare() * 100);
        }
        phases(t.phases(), out);
        StringBuilder alloc = new StringBuilder();
        double hot = 0;
        for (Map.Entry<String, Double> e : t.allocationBytesPerFrame().entrySet()) {
            alloc.append(String.format(Locale.ROOT, " %s %.0f", e.getKey(), e.getValue()));
            if (e.getKey().equals("camera") || e.getKey().equals("pipeline")) {
                hot += e.getValue();
            }
        }
        out.printf(Locale.ROOT, "  allocation per frame, bytes:%s (camera+pipeline threads %.0f)%n", alloc, hot);
        gc(t.gc(), out);
    }

    private static void phases(List<BenchReport.PhaseRow> rows, PrintStream out) {
        out.printf(Locale.ROOT, "  %-12s %10s %9s %9s%n", "phase", "count", "p50 ms", "p99 ms");
        for (BenchReport.PhaseRow row : rows) {
            out.printf(Locale.ROOT, "  %-12s %10d %9.3f %9.3f%n", row.phase(), row.count(), row.p50Ms(), row.p99Ms());
        }
    }

    private static void gc(BenchReport.Gc gc, PrintStream out) {
        out.printf(Locale.ROOT, "  GC: %d pauses, %.0f ms in all, p50 %.1f ms, max %.1f ms%n", gc.pauses(),
                gc.totalMs(), gc.p50Ms(), gc.maxMs());
    }

    private static String fmt(List<Double> values) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < values.size(); i++) {
            b.append(i == 0 ? "" : ", ").append(String.format(Locale.ROOT, "%.1f", values.get(i)));
        }
        return b.append(']').toString();
    }
}
