/**
 * The {@code test:} driver: {@code test:pattern?width=640&height=480&fps=25} draws moving shapes and a frame counter
 * with OpenCV, the same pixels for the same frame number on every run — a camera for demos and tests that needs no
 * file and no hardware.
 */
package io.loupe.camera.pattern;
