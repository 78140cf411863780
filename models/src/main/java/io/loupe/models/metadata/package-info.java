/**
 * What a model says about itself: the custom metadata of an ONNX file ({@link io.loupe.models.metadata.OnnxMetadata},
 * as Ultralytics writes it, Python literals included) and the user's manifest {@code NAME.model.yml}
 * ({@link io.loupe.models.metadata.ModelManifest}), which overrides it key by key.
 */
package io.loupe.models.metadata;
