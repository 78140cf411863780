package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class MemoryOutboxTest {

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> payloads(List<OutboxMessage> messages) {
        return messages.stream().map(m -> new String(m.payload(), StandardCharsets.UTF_8)).toList();
    }

    @Test
    void peek_returnsPendingInAppendOrder_andMarksThemInFlight() {
        MemoryOutbox o = new MemoryOutbox(10);
        long a = o.append("t", b("a"), false);
        long c = o.append("t", b("b"), true);
        o.append("t", b("c"), false);
        assertTrue(c > a);

        List<OutboxMessage> first = o.peek(2);
        assertEquals(List.of("a", "b"), payloads(first));
        assertTrue(first.get(1).retained());
        assertEquals(List.of("c"), payloads(o.peek(5)));
        assertTrue(o.peek(5).isEmpty());
        assertEquals(3, o.size());
    }

    @Test
    void ack_removesOnce() {
        MemoryOutbox o = new MemoryOutbox(10);
        long id = o.append("t", b("a"), false);
        o.peek(1);
        assertTrue(o.ack(id));
        assertFalse(o.ack(id));
        assertEquals(0, o.size());
    }

    @Test
    void release_makesAMessagePendingAgain_inItsOriginalPlace() {
        MemoryOutbox o = new MemoryOutbox(10);
        long a = o.append("t", b("a"), false);
        o.append("t", b("b"), false);
        o.peek(2);
        o.release(a);
        o.append("t", b("c"), false);
        assertEquals(List.of("a", "c"), payloads(o.peek(5)));
    }

    @Test
    void releaseAll_afterAConnectionLoss_resendsEverythingInOrder() {
        MemoryOutbox o = new MemoryOutbox(10);
        for (String s : List.of("a", "b", "c")) {
            o.append("t", b(s), false);
        }
        o.peek(2);
        o.releaseAll();
        assertEquals(List.of("a", "b", "c"), payloads(o.peek(5)));
    }

    @Test
    void append_whenFull_dropsTheOldestPending_andCountsIt() {
        MemoryOutbox o = new MemoryOutbox(3);
        for (String s : List.of("a", "b", "c")) {
            o.append("t", b(s), false);
        }
        o.peek(1); // "a" is in flight: the broker may have it, so "b" goes first
        o.append("t", b("d"), false);
        o.append("t", b("e"), false);
        assertEquals(2, o.dropped());
        assertEquals(3, o.size());
        o.releaseAll();
        assertEquals(List.of("a", "d", "e"), payloads(o.peek(5)));
    }

    @Test
    void append_whenFullAndAllInFlight_dropsTheOldestInFlight() {
        MemoryOutbox o = new MemoryOutbox(2);
        long a = o.append("t", b("a"), false);
        o.append("t", b("b"), false);
        o.peek(2);
        o.append("t", b("c"), false);
        assertEquals(1, o.dropped());
        assertFalse(o.ack(a));
        o.releaseAll();
        assertEquals(List.of("b", "c"), payloads(o.peek(5)));
    }

    @Test
    void append_afterClose_isRefusedNamingTheOrder() {
        MemoryOutbox o = new MemoryOutbox(2);
        o.close();
        o.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> o.append("t", b("a"), false));
        assertTrue(e.getMessage().contains("close the MqttLink before its outbox"), e.getMessage());
    }

    @Test
    void capacity_belowOne_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new MemoryOutbox(0));
        assertTrue(e.getMessage().startsWith("outbox capacity 0 must be at least 1"), e.getMessage());
    }
}
