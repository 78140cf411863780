/**
 * Post-processing: turning raw model outputs into results. A {@link io.loupe.models.decode.DecoderFactory}, found by
 * key in the {@link io.loupe.models.decode.DecoderRegistry}, checks a model's outputs at load and makes one of three
 * kinds of {@link io.loupe.models.decode.OutputDecoder}: a {@link io.loupe.models.decode.Decoder} reads boxes (and
 * keypoints) into {@link io.loupe.models.decode.Candidates}, which {@link io.loupe.models.decode.Nms} thins out; a
 * {@link io.loupe.models.decode.ClassDecoder} gives class probabilities; an
 * {@link io.loupe.models.decode.AnomalyDecoder} says where score and map are and how to normalise them. What the
 * metadata and manifest add to the shapes travels in {@link io.loupe.models.decode.DecoderHints}. Decoders,
 * candidates and NMS reuse their arrays from frame to frame.
 */
package io.loupe.models.decode;
