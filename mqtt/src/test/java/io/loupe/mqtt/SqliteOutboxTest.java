package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The durable outbox on its own: order, acknowledgement, restart, the file it refuses. */
class SqliteOutboxTest {

    @TempDir
    Path dir;

    private SqliteOutbox open() throws MqttLinkException {
        return SqliteOutbox.open(SqliteOutboxSettings.defaults(dir.resolve("outbox.db")));
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static List<String> payloads(List<OutboxMessage> messages) {
        return messages.stream().map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void peek_oneTopic_returnsAppendOrder_andMarksThemInFlight() throws Exception {
        try (SqliteOutbox o = open()) {
            long a = o.append("t", b("a"), false);
            long c = o.append("t", b("b"), true);
            o.append("t", b("c"), false);
            assertTrue(c > a);

            List<OutboxMessage> first = o.peek(2);
            assertEquals(List.of("a", "b"), payloads(first));
            assertTrue(first.get(1).retained());
            assertEquals("t", first.get(0).topic());
            assertEquals(List.of("c"), payloads(o.peek(5)));
            assertTrue(o.peek(5).isEmpty());
            assertEquals(3, o.size());
        }
    }

    @Test
    void ack_removesOnce_andFreesItsBytes() throws Exception {
        try (SqliteOutbox o = open()) {
            long id = o.append("topic", b("12345"), false);
            assertEquals(10, o.stats().bytes());
            o.peek(1);
            assertTrue(o.ack(id));
            assertFalse(o.ack(id));
            assertEquals(0, o.size());
            assertEquals(0, o.stats().bytes());
        }
    }

    @Test
    void release_makesAMessagePendingAgain_inItsOriginalPlace() throws Exception {
        try (SqliteOutbox o = open()) {
            long a = o.append("t", b("a"), false);
            o.append("t", b("b"), false);
            o.peek(2);
            o.release(a);
            o.append("t", b("c"), false);
            assertEquals(List.of("a", "c"), payloads(o.peek(5)));
        }
    }

    @Test
    void releaseAll_afterAConnectionLoss_resendsEverythingInOrder() throws Exception {
        try (SqliteOutbox o = open()) {
            for (String s : List.of("a", "b", "c", "d")) {
                o.append("t", b(s), false);
            }
            List<OutboxMessage> sent = o.peek(3);
            assertTrue(o.ack(sent.get(0).id()));
            o.releaseAll();
            assertEquals(List.of("b", "c", "d"), payloads(o.peek(10)));
        }
    }

    @Test
    void ack_ofAReleasedMessage_stillRemovesIt() throws Exception {
        // a late PUBACK from the connection that just died
        try (SqliteOutbox o = open()) {
            long a = o.append("t", b("a"), false);
            o.peek(1);
            o.releaseAll();
            assertTrue(o.ack(a));
            assertTrue(o.peek(5).isEmpty());
            assertEquals(0, o.size());
        }
    }

    @Test
    void peek_twoTopics_takesTurns_andKeepsEachTopicInOrder() throws Exception {
        // given a backlog of 100 results on one topic and, appended after it, 3 stats messages on another
        try (SqliteOutbox o = open()) {
            for (int i = 0; i < 100; i++) {
                o.append("loupe/s/n/a/result", b("r" + i), false);
            }
            for (int i = 0; i < 3; i++) {
                o.append("loupe/s/n/a/stats", b("s" + i), true);
            }

            // when the link asks for a window of 10
            List<OutboxMessage> window = o.peek(10);

            // then the stats are not held back behind the backlog, and each topic comes in append order
            List<String> got = payloads(window);
            assertEquals(10, got.size());
            assertTrue(got.containsAll(List.of("s0", "s1", "s2")), got.toString());
            assertEquals(List.of("s0", "s1", "s2"), got.stream().filter(p -> p.startsWith("s")).toList());
            assertEquals(List.of("r0", "r1", "r2", "r3", "r4", "r5", "r6"),
                    got.stream().filter(p -> p.startsWith("r")).toList());
            List<String> rest = new ArrayList<>();
            for (List<OutboxMessage> w = o.peek(64); !w.isEmpty(); w = o.peek(64)) {
                rest.addAll(payloads(w));
            }
            assertEquals(93, rest.size());
            assertEquals("r7", rest.get(0));
            assertEquals("r99", rest.get(92));
        }
    }

    @Test
    void reopen_afterClose_holdsEverythingUnacknowledged_pendingAgainInOrder() throws Exception {
        // given messages appended, some acknowledged, some in flight at close
        Path file = dir.resolve("outbox.db");
        long last;
        try (SqliteOutbox o = SqliteOutbox.open(SqliteOutboxSettings.defaults(file))) {
            for (int i = 0; i < 10; i++) {
                o.append(i % 2 == 0 ? "even" : "odd", b("m" + i), i == 9);
            }
            List<OutboxMessage> sent = o.peek(4);
            assertEquals(4, sent.size());
            for (OutboxMessage m : sent) {
                String p = new String(m.payload(), StandardCharsets.UTF_8);
                if (p.equals("m0") || p.equals("m1")) {
                    assertTrue(o.ack(m.id()));
                }
            }
            last = o.lastId();
        }

        // when it is opened again
        try (SqliteOutbox o = SqliteOutbox.open(SqliteOutboxSettings.defaults(file))) {
            // then the 8 unacknowledged are pending, each topic in order, retain flag kept, ids keep increasing
            assertEquals(8, o.size());
            assertEquals(last, o.lastId());
            List<OutboxMessage> all = o.peek(100);
            List<String> got = payloads(all);
            assertEquals(8, got.size());
            List<String> sentFirst = got.stream().filter(p -> p.equals("m0") || p.equals("m1")).toList();
            assertTrue(sentFirst.isEmpty(), got.toString());
            assertEquals(List.of("m2", "m4", "m6", "m8"), payloads(all.stream()
                    .filter(m -> m.topic().equals("even")).toList()));
            assertEquals(List.of("m3", "m5", "m7", "m9"), payloads(all.stream()
                    .filter(m -> m.topic().equals("odd")).toList()));
            assertTrue(all.stream().filter(m -> new String(m.payload(), StandardCharsets.UTF_8).equals("m9"))
                    .findFirst().orElseThrow().retained());
            assertTrue(o.append("even", b("new"), false) > last);
        }
    }

    @Test
    void lastId_afterEverythingWasAcknowledgedAndReopened_keepsIncreasing() throws Exception {
        Path file = dir.resolve("outbox.db");
        long before;
        try (SqliteOutbox o = SqliteOutbox.open(SqliteOutboxSettings.defaults(file))) {
            for (int i = 0; i < 5; i++) {
                o.append("t", b("x"), false);
            }
            for (OutboxMessage m : o.peek(5)) {
                o.ack(m.id());
            }
            before = o.lastId();
        }
        try (SqliteOutbox o = SqliteOutbox.open(SqliteOutboxSettings.defaults(file))) {
            assertEquals(0, o.size());
            assertEquals(before, o.lastId());
            assertEquals(before + 1, o.append("t", b("y"), false));
        }
    }

    @Test
    void append_keepsThePayloadBytesExactly() throws Exception {
        byte[] binary = new byte[256];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = (byte) i;
        }
        try (SqliteOutbox o = open()) {
            o.append("bin", binary, false);
            assertArrayEquals(binary, o.peek(1).get(0).payload());
        }
    }

    @Test
    void append_afterClose_isRefusedNamingTheOrder_andCloseIsIdempotent() throws Exception {
        SqliteOutbox o = open();
        o.close();
        o.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> o.append("t", b("a"), false));
        assertTrue(e.getMessage().contains("close the MqttLink before its outbox"), e.getMessage());
        assertTrue(o.peek(5).isEmpty());
    }

    @Test
    void open_twiceOnOneFile_isRefusedNamingTheFix() throws Exception {
        try (SqliteOutbox first = open()) {
            MqttLinkException e = assertThrows(MqttLinkException.class, this::open);
            assertTrue(e.getMessage().contains("is in use by another process"), e.getMessage());
            assertTrue(e.getMessage().contains("give each its own mqtt.outbox.path"), e.getMessage());
        }
    }

    @Test
    void open_aFileThatIsNotSqlite_isRefusedNamingTheFile() throws Exception {
        Path file = dir.resolve("notes.db");
        Files.writeString(file, "these are my notes, not a database, and they are long enough to look like one "
                + "x".repeat(200));
        MqttLinkException e = assertThrows(MqttLinkException.class,
                () -> SqliteOutbox.open(SqliteOutboxSettings.defaults(file)));
        assertTrue(e.getMessage().startsWith("MQTT outbox " + file.toAbsolutePath()), e.getMessage());
        assertTrue(e.getMessage().contains("set mqtt.outbox.path to another file"), e.getMessage());
    }

    @Test
    void open_anotherApplicationsSqliteFile_isRefused() throws Exception {
        Path file = dir.resolve("other.db");
        try (var c = java.sql.DriverManager.getConnection("jdbc:sqlite:" + file);
             var s = c.createStatement()) {
            s.executeUpdate("CREATE TABLE things (x INTEGER)");
        }
        MqttLinkException e = assertThrows(MqttLinkException.class,
                () -> SqliteOutbox.open(SqliteOutboxSettings.defaults(file)));
        assertTrue(e.getMessage().contains("is a SQLite file of another application"), e.getMessage());
    }

    @Test
    void open_inAFolderThatDoesNotExistYet_createsIt() throws Exception {
        Path file = dir.resolve("data/mqtt/outbox.db");
        try (SqliteOutbox o = SqliteOutbox.open(SqliteOutboxSettings.defaults(file))) {
            o.append("t", b("a"), false);
        }
        assertTrue(Files.isRegularFile(file));
    }

    @Test
    void syncFull_storesAndReopensLikeNormal() throws Exception {
        Path file = dir.resolve("full.db");
        SqliteOutboxSettings s = SqliteOutboxSettings.defaults(file).withSync(SyncMode.FULL);
        try (SqliteOutbox o = SqliteOutbox.open(s)) {
            o.append("t", b("a"), false);
        }
        try (SqliteOutbox o = SqliteOutbox.open(s)) {
            assertEquals(List.of("a"), payloads(o.peek(1)));
        }
    }
}
