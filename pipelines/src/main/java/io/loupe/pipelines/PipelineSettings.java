package io.loupe.pipelines;

import java.nio.file.Path;

/** The typed settings of one pipeline type (e.g. {@link io.loupe.pipelines.defect.DefectSettings}). */
public interface PipelineSettings {

    /**
     * These settings with every file and folder the pipeline writes (NG images, a trap's store, stored keypoints) moved
     * under {@code dir}, for a run that must leave the box's own data alone, such as {@code loupe bench}. What the
     * pipeline only reads (models, taught files) stays where it is. Settings that write nothing return themselves.
     *
     * @param dir a folder of this pipeline's own (it need not exist yet)
     */
    default PipelineSettings writingUnder(Path dir) {
        return this;
    }
}
