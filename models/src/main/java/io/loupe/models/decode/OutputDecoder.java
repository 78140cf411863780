package io.loupe.models.decode;

/**
 * What a {@link DecoderFactory} makes: one of three shapes of result, each read by its own kind of predictor.
 * {@link Decoder} gives boxes (and keypoints), {@link ClassDecoder} class scores, {@link AnomalyDecoder} an anomaly
 * score and map. Decoders are made per predictor (they may keep scratch arrays) and are not thread-safe.
 */
public sealed interface OutputDecoder permits Decoder, ClassDecoder, AnomalyDecoder {
}
