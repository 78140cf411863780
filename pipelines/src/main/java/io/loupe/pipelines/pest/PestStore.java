package io.loupe.pipelines.pest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A trap's counts in a local SQLite file (WAL), so they survive a restart: the trap periods, every insect that arrived
 * (with where and when), every capture with its counts per species, and the alerts currently raised. One file may
 * hold several traps. Used from one pipeline worker thread; each capture is written in one transaction.
 */
final class PestStore implements AutoCloseable {
    /** {@code PRAGMA application_id}: marks the file as a Loupe trap store ("LPST"). */
    private static final int APPLICATION_ID = 0x4C505354;
    private static final int FORMAT = 1;

    private final Path file;
    private final Connection db;
    private boolean closed;

    private PestStore(Path file, Connection db) {
        this.file = file;
        this.db = db;
    }

    /**
     * Opens (or creates) the store.
     *
     * @throws IllegalArgumentException naming the file and the fix when it cannot be created, opened or is not a trap
     *                                  store
     */
    static PestStore open(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        try {
            Files.createDirectories(abs.getParent());
        } catch (IOException e) {
            throw new IllegalArgumentException("pest store " + abs + ": cannot create its folder (" + e.getMessage()
                    + "); make it writable or set settings.store to a writable file", e);
        }
        Connection db = null;
        try {
            db = DriverManager.getConnection("jdbc:sqlite:" + abs);
            try (Statement s = db.createStatement()) {
                s.executeUpdate("PRAGMA journal_mode = WAL");
                s.executeUpdate("PRAGMA synchronous = NORMAL");
                int app = pragma(s, "application_id");
                int format = pragma(s, "user_version");
                boolean empty;
                try (ResultSet rs = s.executeQuery("SELECT count(*) FROM sqlite_master")) {
                    empty = rs.next() && rs.getInt(1) == 0;
                }
                if (!empty && (app != APPLICATION_ID || format != FORMAT)) {
                    throw new IllegalArgumentException("pest store " + abs + " is not a Loupe trap store of format "
                            + FORMAT + " (application_id " + app + ", user_version " + format + "): point"
                            + " settings.store at another file");
                }
                s.executeUpdate("CREATE TABLE IF NOT EXISTS period(trap TEXT NOT NULL, period INTEGER NOT NULL,"
                        + " started_at INTEGER NOT NULL, PRIMARY KEY(trap, period))");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS insect(trap TEXT NOT NULL, period INTEGER NOT NULL,"
                        + " id INTEGER NOT NULL, species TEXT NOT NULL, x1 REAL, y1 REAL, x2 REAL, y2 REAL,"
                        + " first_seen INTEGER NOT NULL, PRIMARY KEY(trap, period, id))");
                s.executeUpdate("CREATE INDEX IF NOT EXISTS insect_seen ON insect(trap, first_seen)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS capture(trap TEXT NOT NULL, at INTEGER NOT NULL,"
                        + " period INTEGER NOT NULL, status TEXT NOT NULL, total INTEGER NOT NULL,"
                        + " arrivals INTEGER NOT NULL, reason TEXT)");
                s.executeUpdate("CREATE INDEX IF NOT EXISTS capture_at ON capture(trap, at)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS capture_count(trap TEXT NOT NULL, at INTEGER NOT NULL,"
                        + " species TEXT NOT NULL, count INTEGER NOT NULL)");
                s.executeUpdate("CREATE TABLE IF NOT EXISTS alert(trap TEXT NOT NULL, rule TEXT NOT NULL,"
                        + " event_id TEXT NOT NULL, started_at INTEGER NOT NULL, value INTEGER NOT NULL,"
                        + " PRIMARY KEY(trap, rule))");
                s.executeUpdate("PRAGMA application_id = " + APPLICATION_ID);
                s.executeUpdate("PRAGMA user_version = " + FORMAT);
            }
            return new PestStore(abs, db);
        } catch (SQLException e) {
            closeQuietly(db);
            throw new IllegalArgumentException("pest store " + abs + " cannot be opened (" + e.getMessage()
                    + "): check the file and its folder are writable, or set settings.store to another file", e);
        } catch (RuntimeException e) {
            closeQuietly(db);
            throw e;
        }
    }

    Path file() {
        return file;
    }

    /** What the store holds of {@code trap}. */
    TrapState load(String trap) throws SQLException {
        int period = 0;
        Instant periodStart = null;
        try (PreparedStatement q = db.prepareStatement(
                "SELECT period, started_at FROM period WHERE trap = ? ORDER BY period DESC LIMIT 1")) {
            q.setString(1, trap);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    period = rs.getInt(1);
                    periodStart = Instant.ofEpochMilli(rs.getLong(2));
                }
            }
        }
        List<PestInsect> insects = new ArrayList<>();
        long nextId = 1;
        try (PreparedStatement q = db.prepareStatement("SELECT id, species, x1, y1, x2, y2 FROM insect"
                + " WHERE trap = ? AND period = ? ORDER BY id")) {
            q.setString(1, trap);
            q.setInt(2, period);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    insects.add(new PestInsect(id, rs.getString(2), 0, rs.getFloat(3), rs.getFloat(4),
                            rs.getFloat(5), rs.getFloat(6), false));
                    nextId = Math.max(nextId, id + 1);
                }
            }
        }
        int lastCount = -1;
        Instant lastCapture = null;
        try (PreparedStatement q = db.prepareStatement("SELECT total, at FROM capture WHERE trap = ?"
                + " AND status = 'COUNTED' ORDER BY at DESC LIMIT 1")) {
            q.setString(1, trap);
            try (ResultSet rs = q.executeQuery()) {
                if (rs.next()) {
                    lastCount = rs.getInt(1);
                    lastCapture = Instant.ofEpochMilli(rs.getLong(2));
                }
            }
        }
        Map<String, ActiveAlert> alerts = new HashMap<>();
        try (PreparedStatement q = db.prepareStatement(
                "SELECT rule, event_id, started_at, value FROM alert WHERE trap = ?")) {
            q.setString(1, trap);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    alerts.put(rs.getString(1), new ActiveAlert(rs.getString(1), rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)), rs.getInt(4)));
                }
            }
        }
        return new TrapState(period, periodStart, insects, nextId, lastCount, lastCapture, alerts);
    }

    /**
     * Writes one counted capture in one transaction: the new period when it started one, its arrivals, its counts.
     */
    void saveCounted(String trap, Instant at, int period, boolean newPeriod, List<PestInsect> seen,
                     List<String> labels, int[] counts) throws SQLException {
        boolean auto = db.getAutoCommit();
        db.setAutoCommit(false);
        try {
            if (newPeriod) {
                try (PreparedStatement p = db.prepareStatement(
                        "INSERT OR REPLACE INTO period(trap, period, started_at) VALUES (?, ?, ?)")) {
                    p.setString(1, trap);
                    p.setInt(2, period);
                    p.setLong(3, at.toEpochMilli());
                    p.executeUpdate();
                }
            }
            int arrivals = 0;
            try (PreparedStatement p = db.prepareStatement("INSERT INTO insect(trap, period, id, species, x1, y1, x2,"
                    + " y2, first_seen) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (PestInsect i : seen) {
                    if (!i.arrival()) {
                        continue;
                    }
                    arrivals++;
                    p.setString(1, trap);
                    p.setInt(2, period);
                    p.setLong(3, i.id());
                    p.setString(4, i.species());
                    p.setFloat(5, i.x1());
                    p.setFloat(6, i.y1());
                    p.setFloat(7, i.x2());
                    p.setFloat(8, i.y2());
                    p.setLong(9, at.toEpochMilli());
                    p.addBatch();
                }
                p.executeBatch();
            }
            insertCapture(trap, at, period, CaptureStatus.COUNTED, seen.size(), arrivals, null);
            try (PreparedStatement p = db.prepareStatement(
                    "INSERT INTO capture_count(trap, at, species, count) VALUES (?, ?, ?, ?)")) {
                for (int k = 0; k < labels.size(); k++) {
                    p.setString(1, trap);
                    p.setLong(2, at.toEpochMilli());
                    p.setString(3, labels.get(k));
                    p.setInt(4, counts[k]);
                    p.addBatch();
                }
                p.executeBatch();
            }
            db.commit();
        } catch (SQLException | RuntimeException e) {
            db.rollback();
            throw e;
        } finally {
            db.setAutoCommit(auto);
        }
    }

    /** Writes a failed or missed capture (the counts stay as they were). */
    void saveUncounted(String trap, Instant at, int period, CaptureStatus status, String reason) throws SQLException {
        insertCapture(trap, at, period, status, 0, 0, reason);
    }

    private void insertCapture(String trap, Instant at, int period, CaptureStatus status, int total, int arrivals,
                               String reason) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT INTO capture(trap, at, period, status, total,"
                + " arrivals, reason) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            p.setString(1, trap);
            p.setLong(2, at.toEpochMilli());
            p.setInt(3, period);
            p.setString(4, status.name());
            p.setInt(5, total);
            p.setInt(6, arrivals);
            p.setString(7, reason);
            p.executeUpdate();
        }
    }

    /** Arrivals per species on {@code trap} with {@code from <= first seen < to}. */
    Map<String, Integer> arrivals(String trap, Instant from, Instant to) throws SQLException {
        try (PreparedStatement q = db.prepareStatement("SELECT species, count(*) FROM insect WHERE trap = ?"
                + " AND first_seen >= ? AND first_seen < ? GROUP BY species")) {
            q.setString(1, trap);
            q.setLong(2, from.toEpochMilli());
            q.setLong(3, to.toEpochMilli());
            return bySpecies(q);
        }
    }

    /** Arrivals per species on {@code trap} in {@code period}. */
    Map<String, Integer> arrivalsInPeriod(String trap, int period) throws SQLException {
        try (PreparedStatement q = db.prepareStatement(
                "SELECT species, count(*) FROM insect WHERE trap = ? AND period = ? GROUP BY species")) {
            q.setString(1, trap);
            q.setInt(2, period);
            return bySpecies(q);
        }
    }

    private static Map<String, Integer> bySpecies(PreparedStatement q) throws SQLException {
        Map<String, Integer> out = new HashMap<>();
        try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getInt(2));
            }
        }
        return out;
    }

    /** The last {@code limit} counted captures of {@code trap}, oldest first, with counts in {@code labels} order. */
    List<PestStats.HistoryPoint> history(String trap, List<String> labels, int limit) throws SQLException {
        List<PestStats.HistoryPoint> out = new ArrayList<>();
        try (PreparedStatement q = db.prepareStatement("SELECT at, arrivals FROM capture WHERE trap = ?"
                + " AND status = 'COUNTED' ORDER BY at DESC LIMIT ?");
             PreparedStatement c = db.prepareStatement(
                     "SELECT species, count FROM capture_count WHERE trap = ? AND at = ?")) {
            q.setString(1, trap);
            q.setInt(2, limit);
            try (ResultSet rs = q.executeQuery()) {
                while (rs.next()) {
                    long at = rs.getLong(1);
                    c.setString(1, trap);
                    c.setLong(2, at);
                    Map<String, Integer> counts = bySpecies(c);
                    out.add(0, new PestStats.HistoryPoint(Instant.ofEpochMilli(at),
                            labels.stream().map(l -> counts.getOrDefault(l, 0)).toList(), rs.getInt(2)));
                }
            }
        }
        return out;
    }

    /** Records an alert as raised (or its new value). */
    void putAlert(String trap, ActiveAlert a) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("INSERT OR REPLACE INTO alert(trap, rule, event_id,"
                + " started_at, value) VALUES (?, ?, ?, ?, ?)")) {
            p.setString(1, trap);
            p.setString(2, a.ruleKey());
            p.setString(3, a.eventId());
            p.setLong(4, a.startedAt().toEpochMilli());
            p.setInt(5, a.value());
            p.executeUpdate();
        }
    }

    /** Forgets an alert that ended. */
    void removeAlert(String trap, String ruleKey) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("DELETE FROM alert WHERE trap = ? AND rule = ?")) {
            p.setString(1, trap);
            p.setString(2, ruleKey);
            p.executeUpdate();
        }
    }

    private static int pragma(Statement s, String name) throws SQLException {
        try (ResultSet rs = s.executeQuery("PRAGMA " + name)) {
            return rs.next() ? rs.getInt(1) : 0;
        }
    }

    private static void closeQuietly(Connection c) {
        if (c != null) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // already failing; the first error is reported
            }
        }
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            closeQuietly(db);
        }
    }
}
