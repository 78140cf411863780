package io.loupe.pipelines.defect.ngimage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/**
 * Keeps a folder of images within a count and a byte limit, removing the oldest first and never more than it must.
 * "Oldest" is by relative path, which the store names {@code yyyyMMdd/HHmmssSSS-…}, so path order is time order, also
 * across restarts. The writer makes room <em>before</em> writing, so the folder never holds more than the limits.
 * Used by the store's writer thread only.
 */
public final class Retention {

    /** One kept file. */
    record Kept(String relative, long bytes) {
    }

    private final Path root;
    private final int maxCount;
    private final long maxBytes;
    private final Deque<Kept> kept = new ArrayDeque<>();
    private long bytes;
    private long removed;

    /**
     * Scans {@code root} for images already there (a restart), oldest first, and removes what is over the limits.
     *
     * @throws IOException when the folder cannot be created or listed
     */
    public Retention(Path root, int maxCount, long maxBytes) throws IOException {
        this.root = root;
        this.maxCount = maxCount;
        this.maxBytes = maxBytes;
        Files.createDirectories(root);
        List<Kept> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                String name = p.getFileName().toString();
                if (!Files.isRegularFile(p)) {
                    continue;
                }
                if (name.endsWith(".tmp")) {
                    Files.deleteIfExists(p);
                } else if (name.endsWith(".jpg")) {
                    found.add(new Kept(relative(p), Files.size(p)));
                }
            }
        }
        found.sort((a, b) -> a.relative().compareTo(b.relative()));
        for (Kept k : found) {
            kept.addLast(k);
            bytes += k.bytes();
        }
        makeRoom(0);
    }

    private String relative(Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    /**
     * Removes the oldest files until one of {@code incoming} bytes fits under both limits.
     *
     * @return false when even an empty folder is too small for it (it must not be written)
     */
    public boolean makeRoom(long incoming) {
        if (incoming > maxBytes) {
            return false;
        }
        int slots = incoming > 0 ? 1 : 0;
        while (!kept.isEmpty() && (kept.size() + slots > maxCount || bytes + incoming > maxBytes)) {
            Kept oldest = kept.removeFirst();
            bytes -= oldest.bytes();
            removed++;
            try {
                Path file = root.resolve(oldest.relative());
                Files.deleteIfExists(file);
                Path dir = file.getParent();
                if (dir != null && !dir.equals(root)) {
                    try (Stream<Path> left = Files.list(dir)) {
                        if (left.findAny().isEmpty()) {
                            Files.deleteIfExists(dir);
                        }
                    }
                }
            } catch (IOException e) {
                // counted as removed from the index; the file is retried at the next start's scan
            }
        }
        return true;
    }

    /** Records a file just written (after {@link #makeRoom}). */
    public void added(String relative, long size) {
        kept.addLast(new Kept(relative, size));
        bytes += size;
    }

    public int count() {
        return kept.size();
    }

    public long bytes() {
        return bytes;
    }

    /** Files removed to stay within the limits since start. */
    public long removed() {
        return removed;
    }

    /** The newest kept files, newest first, at most {@code limit}. */
    public List<String> newest(int limit) {
        List<String> out = new ArrayList<>();
        var it = kept.descendingIterator();
        while (it.hasNext() && out.size() < limit) {
            out.add(it.next().relative());
        }
        return out;
    }
}
