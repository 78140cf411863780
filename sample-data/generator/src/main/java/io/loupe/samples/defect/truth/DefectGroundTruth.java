package io.loupe.samples.defect.truth;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Optional;

/**
 * The whole ground truth of one generated conveyor scene.
 *
 * @param schema    {@value #SCHEMA}
 * @param domain    always {@code defect}
 * @param seed      the master seed it was generated from
 * @param generator the generator's scene version: a new version may draw different scenes from the same seed
 * @param video     the video it describes
 * @param classes   defect class names; a class's index here is its YOLO class id
 * @param parts     every part that appears, by id
 * @param frames    one entry per frame, by index
 */
@JsonPropertyOrder({"schema", "domain", "seed", "generator", "video", "classes", "parts", "frames"})
public record DefectGroundTruth(String schema, String domain, long seed, String generator, VideoInfo video,
                                List<DefectClass> classes, List<PartTruth> parts, List<FrameTruth> frames) {

    /** The schema id written into every file. */
    public static final String SCHEMA = "loupe.samples.defect.groundtruth/1";

    public DefectGroundTruth {
        classes = List.copyOf(classes);
        parts = List.copyOf(parts);
        frames = List.copyOf(frames);
    }

    /** @return the part with this id, if it appears */
    public Optional<PartTruth> part(int id) {
        return parts.stream().filter(p -> p.id() == id).findFirst();
    }
}
