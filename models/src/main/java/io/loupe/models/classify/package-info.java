/**
 * Image classification: {@link io.loupe.models.classify.ClassifyDecoder} turns a classifier's scores into
 * probabilities (softmax when they are logits), for a {@link io.loupe.models.Classifier}.
 */
package io.loupe.models.classify;
