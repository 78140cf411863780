package io.loupe.camera.file;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Which files of a watched folder are new: each file is handed out once, in name order, once nothing has written to
 * it for {@value #SETTLE_MILLIS} ms (so that a JPEG still being uploaded is not read half-written). Names that left
 * the folder are forgotten, so memory stays bounded by the folder's size; a file removed and added again is new.
 * Polling rather than inotify, because trap cameras often write to network shares where inotify sees nothing.
 */
final class FolderWatch {

    /** How often the folder is listed while waiting. */
    static final long POLL_MILLIS = 200;
    /** How long a file must have been left alone before it is read. */
    static final long SETTLE_MILLIS = 500;

    private final Set<Path> handedOut = new HashSet<>();

    /** Marks files as handed out (the ones found at open, delivered first). */
    void handedOut(List<Path> files) {
        handedOut.addAll(files);
    }

    /**
     * The files of {@code listing} (sorted by name) not handed out yet and settled, now marked as handed out.
     *
     * @param listing  the folder's matching files now, sorted by name
     * @param nowMillis wall-clock time, to compare with the files' modification times
     */
    List<Path> fresh(List<Path> listing, long nowMillis) {
        handedOut.retainAll(new HashSet<>(listing));
        List<Path> fresh = new ArrayList<>();
        for (Path file : listing) {
            if (!handedOut.contains(file) && settled(file, nowMillis)) {
                fresh.add(file);
            }
        }
        handedOut.addAll(fresh);
        return fresh;
    }

    private static boolean settled(Path file, long nowMillis) {
        try {
            return nowMillis - Files.getLastModifiedTime(file).toMillis() >= SETTLE_MILLIS;
        } catch (IOException e) {
            return false; // gone again, or not readable yet: look at the next poll
        }
    }
}
