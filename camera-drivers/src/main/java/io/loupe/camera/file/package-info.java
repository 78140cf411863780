/**
 * The {@code file:} driver: a video decoded by FFmpeg ({@link io.loupe.camera.file.VideoFileSource}), or still images
 * read by OpenCV — one image, a folder, or a glob over one folder ({@link io.loupe.camera.file.ImageFilesSource}),
 * optionally watched for new files ({@code ?watch=true}, {@code FolderWatch}) as trap cameras
 * need. {@link io.loupe.camera.file.FileSourceFactory} tells them apart from the URL and the file system.
 */
package io.loupe.camera.file;
