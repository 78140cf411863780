package io.loupe.models;

/**
 * One class of a classification and its probability.
 *
 * @param classId index in the model's labels
 * @param label the class name
 * @param score probability, 0..1
 */
public record ClassScore(int classId, String label, float score) {
}
