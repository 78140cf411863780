package io.loupe.pipelines.gait.store;

import io.loupe.pipelines.gait.analysis.KeypointSeries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Bouts' keypoints on local disk — personal data, so kept only as long as {@code retentionDays} and deletable per
 * session. Layout: {@code <dir>/<session>/<boutId>.csv} in the format of {@link BoutCsv}: what the analysis used, so
 * that a bout read back ({@link BoutCsv#read}) can be measured again. Never leaves the box.
 *
 * <p>Writes run on one named daemon thread ({@code gait-store-<pipeline>}) with a bounded queue, so the pipeline
 * worker only copies the series; a bout that finds the queue full is not stored and is counted. Retention is enforced
 * at start and then daily on the same thread. {@link #close()} finishes queued writes and is idempotent.
 */
public final class KeypointStore implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(KeypointStore.class);
    static final int QUEUE = 16;

    private final Path dir;
    private final Duration retention;
    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private boolean closed;

    /**
     * Opens the store, purges what is past retention and schedules the daily purge.
     *
     * @throws IOException when the folder cannot be made
     */
    public KeypointStore(String pipelineId, Path dir, int retentionDays, Clock clock) throws IOException {
        this.dir = Files.createDirectories(dir).toAbsolutePath().normalize();
        this.retention = Duration.ofDays(retentionDays);
        this.clock = clock;
        this.executor = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "gait-store-" + pipelineId);
            t.setDaemon(true);
            return t;
        });
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setRemoveOnCancelPolicy(true);
        executor.submit(this::purgeQuietly);
        executor.scheduleAtFixedRate(this::purgeQuietly, 1, 1, TimeUnit.DAYS);
    }

    /** The store's folder. */
    public Path dir() {
        return dir;
    }

    /**
     * Queues a bout's keypoints for writing (the series is copied here, on the caller's thread).
     *
     * @return false when the queue was full (the bout is not stored; counted in {@link #dropped()}) or the store is
     *         closed
     * @throws IllegalArgumentException for an invalid session or bout id
     */
    public synchronized boolean save(String session, String boutId, KeypointSeries series) {
        SessionIds.check("session", session);
        SessionIds.check("bout id", boutId);
        if (closed || executor.getQueue().size() >= QUEUE) {
            dropped.incrementAndGet();
            return false;
        }
        KeypointSeries copy = series.copy();
        executor.submit(() -> write(session, boutId, copy));
        return true;
    }

    /**
     * Deletes every stored bout of a session (its folder), after the writes already queued.
     *
     * @return the number of files deleted
     * @throws IllegalArgumentException for an invalid session id
     * @throws IllegalStateException when the store is closed or deleting failed or took over 30 s; the message says
     *                               which folder to check
     */
    public int deleteSession(String session) {
        SessionIds.check("session", session);
        Future<Integer> f;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("the keypoint store " + dir + " is closed");
            }
            f = executor.submit(() -> deleteTree(dir.resolve(session)));
        }
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while deleting " + dir.resolve(session), e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("deleting " + dir.resolve(session) + " failed: " + e.getMessage()
                    + "; check the folder's permissions and delete it by hand", e);
        }
    }

    /**
     * Deletes the bouts stored longer ago than the retention (by file time) and empty session folders.
     *
     * @return the number of files deleted
     * @throws IOException when the folder cannot be read
     */
    public int purge() throws IOException {
        Instant limit = clock.instant().minus(retention);
        int deleted = 0;
        List<Path> sessions;
        try (Stream<Path> s = Files.list(dir)) {
            sessions = s.filter(Files::isDirectory).toList();
        }
        for (Path session : sessions) {
            List<Path> files;
            try (Stream<Path> s = Files.list(session)) {
                files = s.toList();
            }
            int left = files.size();
            for (Path file : files) {
                FileTime time = Files.getLastModifiedTime(file);
                if (time.toInstant().isBefore(limit) && Files.deleteIfExists(file)) {
                    deleted++;
                    left--;
                }
            }
            if (left == 0) {
                Files.deleteIfExists(session);
            }
        }
        if (deleted > 0) {
            LOG.info("Keypoint store {}: deleted {} bouts older than {} days", dir, deleted, retention.toDays());
        }
        return deleted;
    }

    /** The sessions with stored bouts. */
    public List<String> sessions() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** The stored bout files of a session, sorted; empty when none. */
    public List<Path> bouts(String session) throws IOException {
        Path folder = dir.resolve(SessionIds.check("session", session));
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(folder)) {
            return s.sorted().toList();
        }
    }

    /** Bouts not stored because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Bouts written. */
    public long written() {
        return written.get();
    }

    /** Waits until the writes queued so far are done; false on timeout. */
    public boolean flush(Duration timeout) {
        Future<?> f;
        synchronized (this) {
            if (closed) {
                return true;
            }
            f = executor.submit(() -> { });
        }
        try {
            f.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private void write(String session, String boutId, KeypointSeries s) {
        try {
            Path folder = Files.createDirectories(dir.resolve(session));
            Path tmp = folder.resolve(boutId + ".csv.tmp");
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                BoutCsv.write(w, s);
            }
            Files.move(tmp, folder.resolve(boutId + ".csv"), java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            written.incrementAndGet();
        } catch (IOException e) {
            LOG.warn("Keypoint store {}: could not write bout {} of session {}: {}", dir, boutId, session,
                    e.getMessage());
        }
    }

    private int deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return 0;
        }
        List<Path> all;
        try (Stream<Path> s = Files.walk(folder)) {
            all = new ArrayList<>(s.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList());
        }
        int files = 0;
        for (Path p : all) {
            files += Files.isDirectory(p) ? 0 : 1;
            Files.deleteIfExists(p);
        }
        LOG.info("Keypoint store {}: deleted session {} ({} bouts)", dir, folder.getFileName(), files);
        return files;
    }

    private void purgeQuietly() {
        try {
            purge();
        } catch (IOException | RuntimeException e) {
            LOG.warn("Keypoint store {}: retention purge failed: {}", dir, e.getMessage());
        }
    }

    /** Finishes queued writes (up to 10 s), stops the thread. Idempotent. */
    @Override
    public void close() {
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(10, TimeUnit.SECONDS)) {
                LOG.warn("Keypoint store {}: writes still queued after 10 s are dropped", dir);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

}
