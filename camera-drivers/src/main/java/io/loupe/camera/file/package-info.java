/**
 * The {@code file:} driver: a video decoded by FFmpeg ({@link io.loupe.camera.file.VideoFileSource}), or still images
 * read by OpenCV — one image, a folder, or a glob over one folder ({@link io.loupe.camera.file.ImageFilesSource}).
 * {@link io.loupe.camera.file.FileSourceFactory} tells them apart from the URL and the file system.
 */
package io.loupe.camera.file;
