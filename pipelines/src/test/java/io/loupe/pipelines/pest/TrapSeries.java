package io.loupe.pipelines.pest;

import io.loupe.models.Detection;
import io.loupe.pipelines.TestData;
import io.loupe.samples.pest.truth.CaptureEntry;
import io.loupe.samples.pest.truth.CaptureTruth;
import io.loupe.samples.pest.truth.InsectTruth;
import io.loupe.samples.pest.truth.PestTruthFiles;
import io.loupe.samples.pest.truth.SeriesTruth;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A generated trap series (the committed demo set by default) with its ground truth, for tests. */
record TrapSeries(Path folder, SeriesTruth series, List<CaptureTruth> captures) {

    /** The committed demo series, {@code sample-data/pest}: six daily captures, card changed before the fifth. */
    static TrapSeries demo() {
        return read(TestData.repo("sample-data/pest"));
    }

    static TrapSeries read(Path folder) {
        try {
            SeriesTruth s = PestTruthFiles.readSeries(folder.resolve("series.json"));
            List<CaptureTruth> cs = new ArrayList<>();
            for (CaptureEntry e : s.captures()) {
                cs.add(PestTruthFiles.readCapture(folder.resolve(e.truth())));
            }
            return new TrapSeries(folder, s, cs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    List<String> labels() {
        return series.species().stream().map(s -> s.label()).toList();
    }

    Path image(int index) {
        return folder.resolve(series.captures().get(index).image());
    }

    static Instant time(CaptureTruth c) {
        return Instant.parse(c.time());
    }

    /** The true insects of a capture as a perfect detector would report them. */
    List<Detection> truthDetections(CaptureTruth c) {
        List<Detection> out = new ArrayList<>();
        for (InsectTruth i : c.insects()) {
            var b = i.box();
            out.add(new Detection(labels().indexOf(i.species().label()), i.species().label(), 0.9f, b.x(), b.y(),
                    b.x() + b.width(), b.y() + b.height()));
        }
        return out;
    }
}
