package io.loupe.mqtt;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.sqlite.SQLiteConfig;

/**
 * The SQLite side of {@link SqliteOutbox}: the file format, one writer connection (used by the outbox's writer thread
 * only), one reader connection (used under the outbox's lock) and one checkpoint connection (used by the outbox's
 * checkpoint thread), with their prepared statements. WAL mode, so the reader never waits for the writer; automatic
 * checkpoints are off on the writer, so that a checkpoint's fsync never stalls a commit (and so an append): the
 * checkpoint thread copies the WAL into the file in the background ({@link #checkpoint()}). Not thread-safe by
 * itself.
 *
 * <p>After a failed write (a full disk: {@code SQLITE_FULL}) SQLite may already have rolled the transaction back on its
 * own; the JDBC driver does not notice, and its connection then runs every later statement outside a transaction while
 * every commit fails ("no transaction is active"). So a failed write or read on the writer connection rolls back and,
 * where that fails, closes the connection and opens a new one on the same file ({@link #recover}): the next write starts
 * from a known state, and succeeds once there is space again.
 *
 * <p>Format 1: {@code topic(tid, name)}, {@code message(id, tid, retained, created_ms, size, payload)} with an index
 * on {@code (tid, id)} for the per-topic drain, and {@code meta(key, value)} for the last id and the drop counters.
 * {@code PRAGMA application_id} marks the file as Loupe's, {@code user_version} is the format.
 */
final class OutboxStore implements AutoCloseable {

    /** "LOUP". */
    static final int APPLICATION_ID = 0x4C4F5550;
    static final int FORMAT = 1;

    static final String LAST_ID = "last_id";
    static final String DROPPED_FULL = "dropped_full";
    static final String DROPPED_EXPIRED = "dropped_expired";
    static final String DROPPED_FAILED = "dropped_failed";

    /** A stored message without its payload: what bounds and expiry need. */
    record Row(long id, int tid, int size, long createdMs) {
    }

    /** A message to insert. */
    record Insert(long id, int tid, byte[] payload, boolean retained, long createdMs, int size) {
    }

    /** What a topic lane holds at open. */
    record LaneCount(int tid, String topic, long messages, long bytes) {
    }

    /** What the file holds at open. */
    record Loaded(List<LaneCount> lanes, Map<String, Long> meta, long maxId) {
    }

    /** SQLite's largest {@code max_page_count}: no cap beyond the disk. */
    private static final long NO_PAGE_CAP = 0xFFFFFFFEL;

    private final Path file;
    private final SQLiteConfig config;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Connection reader;
    private final Connection checkpointer;
    private final PreparedStatement lane;
    private final PreparedStatement one;
    // ---- the writer connection and its statements: replaced by recover() ----
    private Connection writer;
    private PreparedStatement insertTopic;
    private PreparedStatement insert;
    private PreparedStatement delete;
    private PreparedStatement setMeta;
    private PreparedStatement oldest;
    private PreparedStatement present;
    /** The page cap asked for by {@link #capPages} (0: none), and the one in force on {@link #writer} (-1: unknown). */
    private volatile long pageCap;
    private long pageCapApplied = -1;

    private OutboxStore(Path file, SQLiteConfig config, FileChannel lockChannel, FileLock lock, Connection writer,
                        Connection reader, Connection checkpointer) throws SQLException {
        this.file = file;
        this.config = config;
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.reader = reader;
        this.checkpointer = checkpointer;
        lane = reader.prepareStatement("SELECT id, retained, payload FROM message WHERE tid = ? AND id > ? AND id <= ?"
                + " ORDER BY id LIMIT ?");
        one = reader.prepareStatement("SELECT retained, payload FROM message WHERE id = ?");
        useWriter(writer);
    }

    /** Takes {@code c} as the writer connection: its pragmas, its statements, manual commit. */
    private void useWriter(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("PRAGMA wal_autocheckpoint = 0");
            s.executeUpdate("PRAGMA journal_size_limit = " + (64L << 20));
        }
        insertTopic = c.prepareStatement("INSERT OR IGNORE INTO topic(tid, name) VALUES (?, ?)");
        insert = c.prepareStatement(
                "INSERT INTO message(id, tid, retained, created_ms, size, payload) VALUES (?, ?, ?, ?, ?, ?)");
        delete = c.prepareStatement("DELETE FROM message WHERE id = ?");
        setMeta = c.prepareStatement("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)");
        oldest = c.prepareStatement("SELECT id, tid, size, created_ms FROM message WHERE id > ? ORDER BY id LIMIT ?");
        present = c.prepareStatement("SELECT id FROM message WHERE id >= ? AND id <= ?");
        c.setAutoCommit(false);
        writer = c;
        pageCapApplied = -1;
    }

    /**
     * Opens (or creates) the outbox file and takes its lock.
     *
     * @throws MqttLinkException naming the file and the fix: folder not writable, file in use by another process,
     *                           not a SQLite file, not a Loupe outbox, or written by a newer format
     */
    static OutboxStore open(Path file, SyncMode sync) throws MqttLinkException {
        Path abs = file.toAbsolutePath();
        FileChannel channel = null;
        FileLock lock = null;
        Connection writer = null;
        Connection reader = null;
        Connection checkpointer = null;
        try {
            if (abs.getParent() != null) {
                Files.createDirectories(abs.getParent());
            }
            Path lockFile = abs.resolveSibling(abs.getFileName() + ".lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new MqttLinkException("MQTT outbox " + abs + " is in use by another process (or another outbox"
                        + " in this one): two appliances must not share one outbox file; give each its own"
                        + " mqtt.outbox.path");
            }
            SQLiteConfig config = new SQLiteConfig();
            config.setJournalMode(SQLiteConfig.JournalMode.WAL);
            config.setSynchronous(sync == SyncMode.FULL ? SQLiteConfig.SynchronousMode.FULL
                    : SQLiteConfig.SynchronousMode.NORMAL);
            config.setBusyTimeout(10_000);
            String url = "jdbc:sqlite:" + abs;
            writer = config.createConnection(url);
            checkFormat(writer, abs);
            reader = config.createConnection(url);
            checkpointer = config.createConnection(url);
            return new OutboxStore(abs, config, channel, lock, writer, reader, checkpointer);
        } catch (IOException e) {
            closeQuietly(checkpointer, reader, writer, lock, channel);
            throw new MqttLinkException("MQTT outbox " + abs + " cannot be opened: " + e + "; make its folder writable"
                    + " or set mqtt.outbox.path to another file", e);
        } catch (SQLException e) {
            closeQuietly(checkpointer, reader, writer, lock, channel);
            throw new MqttLinkException("MQTT outbox " + abs + " cannot be used: " + e.getMessage() + "; if it is not"
                    + " a Loupe outbox or is damaged, move it away (its messages are lost) or set mqtt.outbox.path to"
                    + " another file", e);
        } catch (MqttLinkException | RuntimeException e) {
            closeQuietly(checkpointer, reader, writer, lock, channel);
            throw e;
        }
    }

    private static void checkFormat(Connection c, Path file) throws SQLException, MqttLinkException {
        try (Statement s = c.createStatement()) {
            int app = intPragma(s, "application_id");
            int version = intPragma(s, "user_version");
            int tables;
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                tables = rs.next() ? rs.getInt(1) : 0;
            }
            if (app == 0 && version == 0 && tables == 0) {
                s.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                s.executeUpdate("PRAGMA user_version = " + FORMAT);
                s.executeUpdate("CREATE TABLE topic (tid INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE)");
                s.executeUpdate("CREATE TABLE message (id INTEGER PRIMARY KEY, tid INTEGER NOT NULL,"
                        + " retained INTEGER NOT NULL, created_ms INTEGER NOT NULL, size INTEGER NOT NULL,"
                        + " payload BLOB NOT NULL)");
                s.executeUpdate("CREATE INDEX message_lane ON message(tid, id)");
                s.executeUpdate("CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)");
                return;
            }
            if (app != APPLICATION_ID) {
                throw new MqttLinkException("MQTT outbox " + file + " is a SQLite file of another application"
                        + " (application_id 0x" + Integer.toHexString(app) + "): set mqtt.outbox.path to a new file");
            }
            if (version > FORMAT) {
                throw new MqttLinkException("MQTT outbox " + file + " has format " + version + ", newer than this"
                        + " Loupe's " + FORMAT + ": run the newer Loupe, or move the file away (its messages are lost)");
            }
        }
    }

    private static int intPragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    Path file() {
        return file;
    }

    /** Reads what the file holds (writer connection, at open). */
    Loaded load() throws SQLException {
        List<LaneCount> lanes = new ArrayList<>();
        Map<String, Long> meta = new HashMap<>();
        long maxId = 0;
        try (Statement s = writer.createStatement()) {
            try (ResultSet rs = s.executeQuery("SELECT t.tid, t.name, count(m.id), coalesce(sum(m.size), 0)"
                    + " FROM topic t LEFT JOIN message m ON m.tid = t.tid GROUP BY t.tid ORDER BY t.tid")) {
                while (rs.next()) {
                    lanes.add(new LaneCount(rs.getInt(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT key, value FROM meta")) {
                while (rs.next()) {
                    meta.put(rs.getString(1), rs.getLong(2));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM message")) {
                maxId = rs.next() ? rs.getLong(1) : 0;
            }
        }
        writer.commit();
        return new Loaded(lanes, meta, maxId);
    }

    /**
     * One transaction: new topics, inserts, deletes (acknowledged and dropped) and the meta values.
     *
     * @throws SQLException when the transaction failed (disk full, read-only, I/O error); the writer connection has
     *                      then been put back in a known state ({@link #recover}), and whether the inserts are in the
     *                      file anyway (the commit went through) can be asked with {@link #present}
     */
    void write(Map<Integer, String> newTopics, List<Insert> inserts, long[] deletes, int deleteCount,
               Map<String, Long> meta) throws SQLException {
        ensureWriter();
        try {
            applyPageCap();
            for (Map.Entry<Integer, String> t : newTopics.entrySet()) {
                insertTopic.setInt(1, t.getKey());
                insertTopic.setString(2, t.getValue());
                insertTopic.executeUpdate();
            }
            if (!inserts.isEmpty()) {
                for (Insert m : inserts) {
                    insert.setLong(1, m.id());
                    insert.setInt(2, m.tid());
                    insert.setInt(3, m.retained() ? 1 : 0);
                    insert.setLong(4, m.createdMs());
                    insert.setInt(5, m.size());
                    insert.setBytes(6, m.payload());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            if (deleteCount > 0) {
                for (int i = 0; i < deleteCount; i++) {
                    delete.setLong(1, deletes[i]);
                    delete.addBatch();
                }
                delete.executeBatch();
            }
            for (Map.Entry<String, Long> e : meta.entrySet()) {
                setMeta.setString(1, e.getKey());
                setMeta.setLong(2, e.getValue());
                setMeta.addBatch();
            }
            setMeta.executeBatch();
            writer.commit();
        } catch (SQLException | RuntimeException e) {
            recover(e);
            throw e;
        }
    }

    /**
     * The oldest stored rows with an id above {@code afterId}, in id order (writer connection).
     *
     * @throws SQLException when reading failed; the writer connection has been put back in a known state
     */
    List<Row> oldest(long afterId, int limit) throws SQLException {
        ensureWriter();
        List<Row> rows = new ArrayList<>(Math.min(limit, 256));
        try {
            oldest.setLong(1, afterId);
            oldest.setInt(2, limit);
            try (ResultSet rs = oldest.executeQuery()) {
                while (rs.next()) {
                    rows.add(new Row(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getLong(4)));
                }
            }
            writer.commit();
        } catch (SQLException | RuntimeException e) {
            recover(e);
            throw e;
        }
        return rows;
    }

    /**
     * The ids in {@code [fromId, toId]} that the file holds (writer connection): after a failed {@link #write}, which
     * of its inserts are there all the same.
     *
     * @throws SQLException when reading failed; the writer connection has been put back in a known state
     */
    Set<Long> present(long fromId, long toId) throws SQLException {
        ensureWriter();
        Set<Long> ids = new HashSet<>();
        try {
            present.setLong(1, fromId);
            present.setLong(2, toId);
            try (ResultSet rs = present.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            writer.commit();
        } catch (SQLException | RuntimeException e) {
            recover(e);
            throw e;
        }
        return ids;
    }

    /**
     * For tests: caps the file at {@code pages} pages ({@code PRAGMA max_page_count}, never below its current size;
     * 0 lifts the cap), so that writes fail with {@code SQLITE_FULL} exactly as on a full disk. Takes effect at the
     * next {@link #write}, and stays in force on a reopened writer connection.
     */
    void capPages(long pages) {
        pageCap = pages;
    }

    private void applyPageCap() throws SQLException {
        long cap = pageCap;
        if (cap == pageCapApplied) {
            return;
        }
        try (Statement s = writer.createStatement(); ResultSet rs = s.executeQuery(
                "PRAGMA max_page_count = " + (cap > 0 ? cap : NO_PAGE_CAP))) {
            rs.next();
        }
        pageCapApplied = cap;
    }

    /**
     * Puts the writer connection back in a known state after {@code failure}: a rollback, or — when that fails too
     * (SQLite rolled back on its own and the driver did not notice) — a new connection on the same file. A new
     * connection that cannot be opened is tried again at the next use ({@link #ensureWriter}). Never throws: what
     * goes wrong here is added to {@code failure} as suppressed.
     */
    private void recover(Throwable failure) {
        if (writer == null) {
            return;
        }
        try {
            writer.rollback();
            return;
        } catch (SQLException | RuntimeException r) {
            failure.addSuppressed(r);
        }
        closeQuietly(writer);
        writer = null;
        try {
            ensureWriter();
        } catch (SQLException r) {
            failure.addSuppressed(r);
        }
    }

    /** Opens a new writer connection when {@link #recover} had to drop the old one. */
    private void ensureWriter() throws SQLException {
        if (writer != null) {
            return;
        }
        Connection c = config.createConnection("jdbc:sqlite:" + file);
        try {
            useWriter(c);
        } catch (SQLException | RuntimeException e) {
            closeQuietly(c);
            throw e;
        }
    }

    /** Up to {@code limit} messages of one topic with ids in {@code (afterId, upToId]}, in id order (reader). */
    int lane(int tid, String topic, long afterId, long upToId, int limit, List<OutboxMessage> out) throws SQLException {
        lane.setInt(1, tid);
        lane.setLong(2, afterId);
        lane.setLong(3, upToId);
        lane.setInt(4, limit);
        int n = 0;
        try (ResultSet rs = lane.executeQuery()) {
            while (rs.next()) {
                out.add(new OutboxMessage(rs.getLong(1), topic, rs.getBytes(3), rs.getInt(2) != 0));
                n++;
            }
        }
        return n;
    }

    /** One message by id, or null when it is gone (reader). */
    OutboxMessage one(long id, String topic) throws SQLException {
        one.setLong(1, id);
        try (ResultSet rs = one.executeQuery()) {
            return rs.next() ? new OutboxMessage(id, topic, rs.getBytes(2), rs.getInt(1) != 0) : null;
        }
    }

    /**
     * Copies committed WAL frames into the database file without blocking the writer or the reader (a passive
     * checkpoint; checkpoint connection). Durable data stays durable either way: this only keeps the WAL short.
     */
    void checkpoint() throws SQLException {
        try (Statement s = checkpointer.createStatement()) {
            s.execute("PRAGMA wal_checkpoint(PASSIVE)");
        }
    }

    /** Closes the connections (the last one checkpoints the WAL into the file) and releases the lock. */
    @Override
    public void close() {
        closeQuietly(checkpointer, reader, writer, lock, lockChannel);
    }

    private static void closeQuietly(AutoCloseable... closeables) {
        for (AutoCloseable c : closeables) {
            if (c != null) {
                try {
                    c.close();
                } catch (Exception e) {
                    // closing: nothing left to do
                }
            }
        }
    }
}
