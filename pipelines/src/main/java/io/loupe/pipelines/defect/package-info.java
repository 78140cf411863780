/**
 * Defect detection on a production line: a detector finds defects in each inspected frame and
 * {@link io.loupe.pipelines.defect.DefectRules} turn them into an OK/NG {@link io.loupe.pipelines.defect.Verdict}.
 */
package io.loupe.pipelines.defect;
