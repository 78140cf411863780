/**
 * Anomaly detection trained on good parts only: {@link io.loupe.models.anomaly.AnomalibDecoder} reads anomalib ONNX
 * exports (1.x with the thresholds in the manifest, 2.x with them in the graph) for an
 * {@link io.loupe.models.AnomalyDetector}.
 */
package io.loupe.models.anomaly;
