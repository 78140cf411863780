package io.loupe.mqtt;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The durable {@link Outbox}: every message is committed to a SQLite file in WAL mode before {@link #append} returns
 * and deleted only when the broker acknowledged it, so a restart of the appliance — kill -9 included — loses nothing
 * that was appended ({@link SyncMode} says what a power loss may cost).
 *
 * <p><b>Group commit.</b> Appends from any number of pipeline threads queue up; one thread,
 * {@code loupe-outbox-writer}, writes everything queued in one transaction (inserts, the deletes of acknowledged and
 * dropped messages, the counters) and then releases the appenders of that batch. A burst pays one commit, not one per
 * message.
 *
 * <p><b>Bounds.</b> At most {@code maxMessages} messages and {@code maxBytes} payload + topic bytes, none older than
 * {@code maxAge}. Beyond them the oldest are dropped first (pending before in-flight, as {@link Outbox} says) and
 * counted by cause ({@link OutboxStats}); the counters are stored in the same file, so they survive restarts too.
 *
 * <p><b>Order.</b> Each topic is a lane drained in append order ({@link Outbox}'s guarantee); {@link #peek(int)} takes
 * turns between the lanes that have something pending and gives each an equal share of the window. A pipeline's
 * results never overtake each other, and a long backlog on one topic (hours of results after an outage) does not hold
 * back the stats, events and command replies of the others, nor another pipeline's results.
 *
 * <p><b>Storage failures.</b> When a transaction fails (disk full, read-only), the messages of that batch that are not
 * in the file are dropped and counted ({@link OutboxStats#droppedFailed()}), the writer's connection is put back in a
 * known state, and the writer backs off (10 ms growing to 1 s) before it tries again with what queued meanwhile. While
 * it backs off {@link #append} does not wait for a commit: it queues the message and returns, so a pipeline never
 * waits on a failing disk. The first commit that succeeds (space is back) ends the back-off; no restart is needed.
 *
 * <p>Thread-safe. {@link #open} throws {@link MqttLinkException} for a file that cannot be used; afterwards storage
 * errors are logged and counted ({@link OutboxStats#droppedFailed()}), never thrown at a pipeline.
 */
public final class SqliteOutbox implements Outbox {

    private static final Logger log = LoggerFactory.getLogger(SqliteOutbox.class);
    /** How long {@link #append} waits for its commit before returning anyway (a disk that hangs). */
    private static final long APPEND_WAIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long IDLE_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long DELETE_WAIT_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int DELETES_WAKE = 256;
    private static final long EXPIRY_CHECK_MILLIS = 1_000;
    private static final int SCAN_PAGE = 512;
    private static final int MAX_EXPIRED_PER_COMMIT = 20_000;
    private static final long CHECKPOINT_MILLIS = 1_000;

    private record TopicId(int tid, int bytes) {
    }

    private record Staged(long id, int tid, String topic, byte[] payload, boolean retained, long createdMs, int size) {
    }

    private final SqliteOutboxSettings settings;
    private final Clock clock;
    private final OutboxStore store;
    private final Thread writer;
    private final Thread checkpointer;

    // ---- topics (any thread) ----
    private final Map<String, TopicId> topicIds = new ConcurrentHashMap<>();
    private final AtomicInteger nextTid = new AtomicInteger(1);

    // ---- the queue: guarded by queueLock ----
    private final ReentrantLock queueLock = new ReentrantLock();
    private final Condition workReady = queueLock.newCondition();
    private final Condition done = queueLock.newCondition();
    private List<Staged> appends = new ArrayList<>();
    private long[] deletes = new long[DELETES_WAKE];
    private int deleteCount;
    private long lastId;
    /** Highest id whose fate is decided: committed, or counted as failed. */
    private long doneThrough;
    private boolean closing;
    private boolean warnedSlowCommit;
    /** The last commit failed and the writer backs off: {@link #append} does not wait for its commit. */
    private boolean backingOff;

    // ---- the book: guarded by "book" ----
    private final OutboxLanes book = new OutboxLanes();
    /** Highest id committed and in the book: {@link #peek} reads no further. */
    private long committedId;
    private boolean closed;
    private long droppedFull;
    private long droppedExpired;
    private long droppedFailed;
    private long commits;

    // ---- writer thread only ----
    private final Set<Integer> persistedTids = new HashSet<>();
    private long nextExpiryCheck;
    private long persistedLastId;
    private int failedCommits;

    private SqliteOutbox(SqliteOutboxSettings settings, OutboxStore store) throws SQLException {
        this.settings = settings;
        this.clock = settings.clock();
        this.store = store;
        OutboxStore.Loaded loaded = store.load();
        int maxTid = 0;
        for (OutboxStore.LaneCount c : loaded.lanes()) {
            book.restore(c.tid(), c.topic(), c.messages(), c.bytes());
            topicIds.put(c.topic(), new TopicId(c.tid(), c.topic().getBytes(StandardCharsets.UTF_8).length));
            persistedTids.add(c.tid());
            maxTid = Math.max(maxTid, c.tid());
        }
        nextTid.set(maxTid + 1);
        lastId = Math.max(loaded.meta().getOrDefault(OutboxStore.LAST_ID, 0L), loaded.maxId());
        persistedLastId = lastId;
        doneThrough = lastId;
        committedId = lastId;
        droppedFull = loaded.meta().getOrDefault(OutboxStore.DROPPED_FULL, 0L);
        droppedExpired = loaded.meta().getOrDefault(OutboxStore.DROPPED_EXPIRED, 0L);
        droppedFailed = loaded.meta().getOrDefault(OutboxStore.DROPPED_FAILED, 0L);
        this.writer = new Thread(this::writeLoop, "loupe-outbox-writer");
        writer.setDaemon(true);
        this.checkpointer = new Thread(this::checkpointLoop, "loupe-outbox-checkpoint");
        checkpointer.setDaemon(true);
    }

    /**
     * Opens (creating if needed) the outbox file; what it holds from before is pending again, to be sent (marked
     * replayed) on the next connection.
     *
     * @throws MqttLinkException when the file cannot be used, naming it and the fix (folder not writable, in use by
     *                           another process, not a Loupe outbox, damaged)
     */
    public static SqliteOutbox open(SqliteOutboxSettings settings) throws MqttLinkException {
        OutboxStore store = OutboxStore.open(settings.file(), settings.sync());
        SqliteOutbox outbox;
        try {
            outbox = new SqliteOutbox(settings, store);
        } catch (SQLException e) {
            store.close();
            throw new MqttLinkException("MQTT outbox " + store.file() + " cannot be read: " + e.getMessage()
                    + "; move it away (its messages are lost) or set mqtt.outbox.path to another file", e);
        }
        outbox.writer.start();
        outbox.checkpointer.start();
        OutboxStats s = outbox.stats();
        log.info("MQTT outbox {} opened ({} sync): {} messages ({} bytes) waiting from before, {} dropped so far;"
                        + " bounds {} messages, {} bytes, {}", store.file(), settings.sync(), s.pending(), s.bytes(),
                s.dropped(), settings.maxMessages(), settings.maxBytes(), settings.maxAge());
        return outbox;
    }

    /** The file this outbox keeps its messages in. */
    public Path file() {
        return store.file();
    }

    /**
     * {@inheritDoc}
     *
     * <p>Returns once the message is committed, or at once while the writer backs off after a failed commit (the
     * message is then stored by the next commit that succeeds, or dropped and counted), or after 5 s when a commit
     * hangs.
     */
    @Override
    public long append(String topic, byte[] payload, boolean retained) {
        if (topic == null || payload == null) {
            throw new IllegalArgumentException("outbox append needs a topic and a payload, got topic=" + topic
                    + ", payload=" + (payload == null ? "null" : payload.length + " bytes"));
        }
        TopicId t = topicIds.computeIfAbsent(topic,
                k -> new TopicId(nextTid.getAndIncrement(), k.getBytes(StandardCharsets.UTF_8).length));
        long id;
        queueLock.lock();
        try {
            if (closing) {
                throw new IllegalStateException("outbox " + store.file() + " is closed: close the MqttLink before its"
                        + " outbox");
            }
            id = ++lastId;
            appends.add(new Staged(id, t.tid(), topic, payload, retained, clock.millis(), payload.length + t.bytes()));
            if (appends.size() == 1) {
                workReady.signal();
            }
            long left = APPEND_WAIT_NANOS;
            while (doneThrough < id && !backingOff) {
                if (left <= 0) {
                    if (!warnedSlowCommit) {
                        warnedSlowCommit = true;
                        log.warn("MQTT outbox {}: a commit took over {} s; appends return before their message is on"
                                + " disk until it catches up (is the disk full or failing?)", store.file(),
                                TimeUnit.NANOSECONDS.toSeconds(APPEND_WAIT_NANOS));
                    }
                    break;
                }
                try {
                    left = done.awaitNanos(left);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
            }
        } finally {
            queueLock.unlock();
        }
        return id;
    }

    @Override
    public List<OutboxMessage> peek(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("peek count " + max + " must be at least 1");
        }
        List<OutboxMessage> out = new ArrayList<>();
        synchronized (book) {
            if (closed) {
                return out;
            }
            List<OutboxLanes.Lane> active = book.pendingLanes();
            if (active.isEmpty()) {
                return out;
            }
            int share = Math.max(1, max / active.size());
            try {
                boolean progress = true;
                while (out.size() < max && progress) {
                    progress = false;
                    for (OutboxLanes.Lane lane : active) {
                        int want = Math.min(share, max - out.size());
                        if (want <= 0) {
                            break;
                        }
                        if (take(lane, want, out) > 0) {
                            progress = true;
                        }
                    }
                }
            } catch (SQLException e) {
                log.warn("MQTT outbox {}: reading messages to send failed ({}); retrying", store.file(),
                        e.getMessage());
            }
        }
        return out;
    }

    /** Up to {@code want} messages of one lane into {@code out}: released ones first, then never sent ones. */
    private int take(OutboxLanes.Lane lane, int want, List<OutboxMessage> out) throws SQLException {
        int got = 0;
        if (!lane.released.isEmpty()) {
            for (long id : book.released(lane, want)) {
                OutboxMessage m = store.one(id, lane.topic);
                if (m == null) {
                    book.vanished(id);
                } else {
                    book.resent(id);
                    out.add(m);
                    got++;
                }
            }
        }
        if (got < want && lane.pending() > lane.released.size()) {
            int before = out.size();
            store.lane(lane.tid, lane.topic, lane.cursor, committedId, want - got, out);
            for (int i = before; i < out.size(); i++) {
                OutboxMessage m = out.get(i);
                book.inFlight(lane, m.id(), m.payload().length + lane.topicBytes);
            }
            got += out.size() - before;
        }
        return got;
    }

    @Override
    public boolean ack(long id) {
        synchronized (book) {
            if (closed || !book.ack(id)) {
                return false;
            }
        }
        queueLock.lock();
        try {
            if (deleteCount == deletes.length) {
                deletes = Arrays.copyOf(deletes, deletes.length * 2);
            }
            deletes[deleteCount++] = id;
            if (deleteCount == DELETES_WAKE) {
                workReady.signal();
            }
        } finally {
            queueLock.unlock();
        }
        return true;
    }

    @Override
    public void release(long id) {
        synchronized (book) {
            book.release(id);
        }
    }

    @Override
    public void releaseAll() {
        synchronized (book) {
            book.releaseAll();
        }
    }

    @Override
    public int size() {
        synchronized (book) {
            return (int) Math.min(Integer.MAX_VALUE, book.held());
        }
    }

    @Override
    public long dropped() {
        synchronized (book) {
            return droppedFull + droppedExpired + droppedFailed;
        }
    }

    @Override
    public int capacity() {
        return settings.maxMessages();
    }

    @Override
    public long lastId() {
        queueLock.lock();
        try {
            return lastId;
        } finally {
            queueLock.unlock();
        }
    }

    @Override
    public OutboxStats stats() {
        synchronized (book) {
            return new OutboxStats(book.held(), book.bytes(), droppedFull + droppedExpired + droppedFailed,
                    droppedFull, droppedExpired, droppedFailed);
        }
    }

    /**
     * For tests: caps the file at {@code pages} SQLite pages (never below its current size; 0 lifts the cap), so that
     * commits fail with {@code SQLITE_FULL} exactly as on a full disk. Takes effect at the next commit.
     */
    void capPages(long pages) {
        store.capPages(pages);
    }

    /** Transactions committed since opening (group commit: far fewer than appends under load). */
    long commits() {
        synchronized (book) {
            return commits;
        }
    }

    /**
     * Stores what is queued, stops the writer and closes the file. When that last commit fails, what it held is
     * counted as dropped and the writer stops without retrying. Idempotent; never throws.
     */
    @Override
    public void close() {
        queueLock.lock();
        try {
            if (closing) {
                return;
            }
            closing = true;
            workReady.signal();
        } finally {
            queueLock.unlock();
        }
        try {
            writer.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (writer.isAlive()) {
            log.warn("MQTT outbox {}: the writer did not finish within 30 s; closing the file under it",
                    store.file());
        }
        checkpointer.interrupt();
        try {
            checkpointer.join(TimeUnit.SECONDS.toMillis(10));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        OutboxStats s;
        synchronized (book) {
            closed = true;
            store.close();
            s = new OutboxStats(book.held(), book.bytes(), droppedFull + droppedExpired + droppedFailed,
                    droppedFull, droppedExpired, droppedFailed);
        }
        log.info("MQTT outbox {} closed with {} messages waiting ({} dropped in all)", store.file(), s.pending(),
                s.dropped());
    }

    @Override
    public String toString() {
        OutboxStats s = stats();
        return "SqliteOutbox[" + store.file() + ", pending=" + s.pending() + ", bytes=" + s.bytes() + ", dropped="
                + s.dropped() + "]";
    }

    // ---- checkpoint thread ----------------------------------------------------------------------------------------

    /** Every second, copies the WAL into the file in the background, off the writer's (and so the appends') path. */
    private void checkpointLoop() {
        while (true) {
            try {
                Thread.sleep(CHECKPOINT_MILLIS);
            } catch (InterruptedException e) {
                return;
            }
            queueLock.lock();
            try {
                if (closing) {
                    return;
                }
            } finally {
                queueLock.unlock();
            }
            try {
                store.checkpoint();
            } catch (SQLException e) {
                log.debug("MQTT outbox {}: checkpoint failed ({}); trying again", store.file(), e.getMessage());
            }
        }
    }

    // ---- writer thread --------------------------------------------------------------------------------------------

    private void writeLoop() {
        List<Staged> batch = new ArrayList<>();
        long[] acked = new long[DELETES_WAKE];
        while (true) {
            int ackedCount;
            boolean last;
            queueLock.lock();
            try {
                while (appends.isEmpty() && deleteCount == 0 && !closing) {
                    try {
                        long wait = workReady.awaitNanos(IDLE_WAIT_NANOS);
                        if (wait <= 0) {
                            break;
                        }
                    } catch (InterruptedException e) {
                        closing = true;
                    }
                }
                if (appends.isEmpty() && deleteCount > 0 && deleteCount < DELETES_WAKE && !closing) {
                    try {
                        workReady.awaitNanos(DELETE_WAIT_NANOS);
                    } catch (InterruptedException e) {
                        closing = true;
                    }
                }
                List<Staged> t = appends;
                appends = batch;
                batch = t;
                if (acked.length < deleteCount) {
                    acked = new long[deletes.length];
                }
                System.arraycopy(deletes, 0, acked, 0, deleteCount);
                ackedCount = deleteCount;
                deleteCount = 0;
                last = closing;
            } finally {
                queueLock.unlock();
            }
            boolean ok;
            try {
                ok = commitRound(batch, acked, ackedCount);
            } catch (RuntimeException e) {
                // a bug, not the disk: never leave the appenders waiting on a dead writer
                log.error("MQTT outbox {}: commit round failed", store.file(), e);
                failed(batch, Set.of(), acked, ackedCount, e);
                ok = false;
            }
            batch.clear();
            if (!ok) {
                if (last) {
                    return;    // closing on a failing disk: what could not be stored is counted; do not retry
                }
                backOff();
            }
            if (last) {
                queueLock.lock();
                try {
                    if (appends.isEmpty() && deleteCount == 0) {
                        return;
                    }
                } finally {
                    queueLock.unlock();
                }
            }
        }
    }

    private record Drop(OutboxStore.Row row, boolean expired) {
    }

    /** Commits one round; false when its transaction failed (the failure is handled: counted, state restored). */
    private boolean commitRound(List<Staged> batch, long[] acked, int ackedCount) {
        long now = clock.millis();
        List<Drop> drops = new ArrayList<>();
        int dropFront = 0;
        try {
            if (now >= nextExpiryCheck) {
                nextExpiryCheck = now + EXPIRY_CHECK_MILLIS;
                expired(now - settings.maxAge().toMillis(), drops);
            }
            dropFront = overBounds(batch, drops);
        } catch (SQLException e) {
            log.warn("MQTT outbox {}: checking its bounds failed ({}); trying again at the next commit", store.file(),
                    e.getMessage());
        }
        if (batch.isEmpty() && ackedCount == 0 && drops.isEmpty()) {
            return true;
        }
        Map<Integer, String> newTopics = new LinkedHashMap<>();
        List<OutboxStore.Insert> inserts = new ArrayList<>(batch.size() - dropFront);
        long maxId = persistedLastId;
        for (int i = 0; i < batch.size(); i++) {
            Staged s = batch.get(i);
            maxId = Math.max(maxId, s.id());
            if (i < dropFront) {
                continue;
            }
            if (!persistedTids.contains(s.tid())) {
                newTopics.put(s.tid(), s.topic());
            }
            inserts.add(new OutboxStore.Insert(s.id(), s.tid(), s.payload(), s.retained(), s.createdMs(), s.size()));
        }
        long[] deleteIds = acked;
        int deleteN = ackedCount;
        if (!drops.isEmpty()) {
            deleteIds = Arrays.copyOf(acked, ackedCount + drops.size());
            for (Drop d : drops) {
                deleteIds[deleteN++] = d.row().id();
            }
        }
        long full;
        long expiredN;
        long failed;
        synchronized (book) {
            full = droppedFull + dropFront;
            expiredN = droppedExpired;
            failed = droppedFailed;
            for (Drop d : drops) {
                if (d.expired()) {
                    expiredN++;
                } else {
                    full++;
                }
            }
        }
        Map<String, Long> meta = new LinkedHashMap<>();
        meta.put(OutboxStore.LAST_ID, maxId);
        meta.put(OutboxStore.DROPPED_FULL, full);
        meta.put(OutboxStore.DROPPED_EXPIRED, expiredN);
        meta.put(OutboxStore.DROPPED_FAILED, failed);
        try {
            store.write(newTopics, inserts, deleteIds, deleteN, meta);
        } catch (SQLException | RuntimeException e) {
            Set<Long> present = present(inserts, e);
            if (inserts.isEmpty() || present.size() < inserts.size()) {
                failed(batch, present, acked, ackedCount, e);
                return false;
            }
            // every insert is in the file: the commit went through and only what followed it failed
        }
        persistedLastId = maxId;
        persistedTids.addAll(newTopics.keySet());
        synchronized (book) {
            for (int i = dropFront; i < batch.size(); i++) {
                Staged m = batch.get(i);
                book.stored(book.lane(m.tid(), m.topic()), m.size());
            }
            for (Drop d : drops) {
                if (book.dropped(d.row())) {
                    if (d.expired()) {
                        droppedExpired++;
                    } else {
                        droppedFull++;
                    }
                }
            }
            droppedFull += dropFront;
            book.deleted(acked, ackedCount);
            committedId = Math.max(committedId, maxId);
            commits++;
        }
        if (!drops.isEmpty() || dropFront > 0) {
            log.debug("MQTT outbox {}: dropped {} oldest messages to stay within its bounds", store.file(),
                    drops.size() + dropFront);
        }
        finished(batch, false);
        return true;
    }

    /** After a failed transaction, which of {@code inserts} the file holds all the same (none when it cannot tell). */
    private Set<Long> present(List<OutboxStore.Insert> inserts, Exception failure) {
        if (inserts.isEmpty()) {
            return Set.of();
        }
        try {
            return store.present(inserts.get(0).id(), inserts.get(inserts.size() - 1).id());
        } catch (SQLException | RuntimeException e) {
            failure.addSuppressed(e);
            return Set.of();
        }
    }

    /**
     * The transaction failed: the messages of the batch that are not in the file ({@code present} are) are dropped
     * and counted, the acknowledged deletes are tried again, and appends stop waiting until a commit succeeds.
     */
    private void failed(List<Staged> batch, Set<Long> present, long[] acked, int ackedCount, Exception e) {
        failedCommits++;
        int lost = batch.size() - present.size();
        if (failedCommits == 1 || failedCommits % 100 == 0) {
            log.error("MQTT outbox {}: storing {} messages failed ({}; {} failures in a row); they are dropped and"
                    + " counted. Check the disk (full? read-only?)", store.file(), lost, e.toString(),
                    failedCommits);
        }
        synchronized (book) {
            droppedFailed += lost;
            for (Staged m : batch) {
                if (present.contains(m.id())) {
                    book.stored(book.lane(m.tid(), m.topic()), m.size());
                    committedId = Math.max(committedId, m.id());
                }
            }
        }
        for (Staged m : batch) {
            if (present.contains(m.id())) {
                persistedTids.add(m.tid());
            }
        }
        if (ackedCount > 0) {
            queueLock.lock();
            try {
                while (deleteCount + ackedCount > deletes.length) {
                    deletes = Arrays.copyOf(deletes, deletes.length * 2);
                }
                System.arraycopy(acked, 0, deletes, deleteCount, ackedCount);
                deleteCount += ackedCount;
            } finally {
                queueLock.unlock();
            }
        }
        finished(batch, true);
    }

    /** Waits 10 ms per failure in a row, at most 1 s, before the next try; {@link #close()} ends the wait. */
    private void backOff() {
        long left = TimeUnit.MILLISECONDS.toNanos(Math.min(1_000, 10L * failedCommits));
        queueLock.lock();
        try {
            while (left > 0 && !closing) {
                left = workReady.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            closing = true;
        } finally {
            queueLock.unlock();
        }
    }

    /**
     * The batch's fate is decided: its appenders return. {@code failing} starts (or, false, ends) the back-off in
     * which appends do not wait for their commit.
     */
    private void finished(List<Staged> batch, boolean failing) {
        if (!failing) {
            failedCommits = 0;
        }
        if (batch.isEmpty() && failing == backingOff) {
            return;    // backingOff is written by this thread only, so reading it here without the lock is safe
        }
        queueLock.lock();
        try {
            if (!batch.isEmpty()) {
                doneThrough = Math.max(doneThrough, batch.get(batch.size() - 1).id());
            }
            backingOff = failing;
            done.signalAll();
        } finally {
            queueLock.unlock();
        }
    }

    /** Picks stored messages older than {@code cutoffMs} that are not in flight. */
    private void expired(long cutoffMs, List<Drop> drops) throws SQLException {
        long after = 0;
        while (drops.size() < MAX_EXPIRED_PER_COMMIT) {
            List<OutboxStore.Row> rows = store.oldest(after, SCAN_PAGE);
            if (rows.isEmpty()) {
                return;
            }
            synchronized (book) {
                for (OutboxStore.Row r : rows) {
                    if (r.createdMs() >= cutoffMs) {
                        return;
                    }
                    if (!book.isDeleting(r.id()) && !book.isInFlight(r.id())) {
                        drops.add(new Drop(r, true));
                    }
                }
            }
            after = rows.get(rows.size() - 1).id();
        }
    }

    /**
     * Picks the stored messages to drop so that the held ones plus {@code batch} fit the bounds: oldest pending first,
     * then oldest in flight; returns how many of the batch's oldest must go too (when the batch alone is over).
     */
    private int overBounds(List<Staged> batch, List<Drop> drops) throws SQLException {
        long batchBytes = 0;
        for (Staged s : batch) {
            batchBytes += s.size();
        }
        long count;
        long bytes;
        Set<Long> chosen = new HashSet<>();
        synchronized (book) {
            count = book.held() + batch.size();
            bytes = book.bytes() + batchBytes;
        }
        for (Drop d : drops) {
            count--;
            bytes -= d.row().size();
            chosen.add(d.row().id());
        }
        if (count <= settings.maxMessages() && bytes <= settings.maxBytes()) {
            return 0;
        }
        List<OutboxStore.Row> inFlight = new ArrayList<>();
        long after = 0;
        scan:
        while (count > settings.maxMessages() || bytes > settings.maxBytes()) {
            List<OutboxStore.Row> rows = store.oldest(after, SCAN_PAGE);
            if (rows.isEmpty()) {
                break;
            }
            synchronized (book) {
                for (OutboxStore.Row r : rows) {
                    if (chosen.contains(r.id()) || book.isDeleting(r.id())) {
                        continue;
                    }
                    if (book.isInFlight(r.id())) {
                        inFlight.add(r);
                        continue;
                    }
                    drops.add(new Drop(r, false));
                    count--;
                    bytes -= r.size();
                    if (count <= settings.maxMessages() && bytes <= settings.maxBytes()) {
                        break scan;
                    }
                }
            }
            after = rows.get(rows.size() - 1).id();
        }
        for (OutboxStore.Row r : inFlight) {
            if (count <= settings.maxMessages() && bytes <= settings.maxBytes()) {
                break;
            }
            drops.add(new Drop(r, false));
            count--;
            bytes -= r.size();
        }
        int front = 0;
        while (front < batch.size() && (count > settings.maxMessages() || bytes > settings.maxBytes())) {
            count--;
            bytes -= batch.get(front).size();
            front++;
        }
        if (front > 0) {
            log.warn("MQTT outbox {}: {} new messages dropped on arrival: one batch is larger than the bounds ({}"
                    + " messages, {} bytes); raise mqtt.outbox.maxBytes", store.file(), front, settings.maxMessages(),
                    settings.maxBytes());
        }
        return front;
    }
}
