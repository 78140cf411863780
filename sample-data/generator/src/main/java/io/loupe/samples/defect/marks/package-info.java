/**
 * Defect marks: the geometry of one defect in part-local pixels and how it draws itself into a part sprite's
 * coverage (how much light it absorbs) and highlight (lit rims) maps, with OpenCV's anti-aliased drawing.
 */
package io.loupe.samples.defect.marks;
