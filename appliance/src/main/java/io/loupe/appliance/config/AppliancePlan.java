package io.loupe.appliance.config;

import io.loupe.camera.CameraSpec;
import io.loupe.models.ModelSpec;

import java.nio.file.Path;
import java.util.List;

/**
 * A checked configuration, resolved into what the appliance starts: camera and model specs with absolute paths, and
 * pipelines with their factories and typed settings. Only enabled cameras and pipelines appear.
 *
 * @param file      the configuration file
 * @param config    the bound configuration as written
 * @param cameras   enabled cameras
 * @param models    models used by at least one enabled pipeline
 * @param pipelines enabled pipelines
 */
public record AppliancePlan(Path file, ApplianceConfig config, List<CameraSpec> cameras, List<ModelSpec> models,
                            List<PipelinePlan> pipelines) {
}
