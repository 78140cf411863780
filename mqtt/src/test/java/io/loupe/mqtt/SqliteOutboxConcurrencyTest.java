package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Appends from several pipeline threads while the link drains: group commits, nothing lost, order per topic. */
class SqliteOutboxConcurrencyTest {

    @TempDir
    Path dir;

    @Test
    void appendsFromFourThreads_whileDraining_shareCommits_loseNothing_andKeepEachTopicInOrder() throws Exception {
        int threads = 4;
        int perThread = 2_000;
        try (SqliteOutbox o = SqliteOutbox.open(SqliteOutboxSettings.defaults(dir.resolve("outbox.db")))) {
            CountDownLatch go = new CountDownLatch(1);
            List<Thread> producers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                String topic = "loupe/s/n/p" + t + "/result";
                Thread th = new Thread(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        return;
                    }
                    for (int i = 0; i < perThread; i++) {
                        o.append(topic, Integer.toString(i).getBytes(StandardCharsets.UTF_8), false);
                    }
                }, "test-producer-" + t);
                th.start();
                producers.add(th);
            }
            // the "link": drains and acknowledges while the producers append
            Map<String, List<Integer>> seen = new HashMap<>();
            Set<Long> ids = new HashSet<>();
            go.countDown();
            long end = System.nanoTime() + 60_000_000_000L;
            while (ids.size() < threads * perThread && System.nanoTime() < end) {
                List<OutboxMessage> w = o.peek(64);
                if (w.isEmpty()) {
                    Thread.sleep(1);
                }
                for (OutboxMessage m : w) {
                    assertTrue(ids.add(m.id()), "id " + m.id() + " handed out twice");
                    seen.computeIfAbsent(m.topic(), k -> new ArrayList<>())
                            .add(Integer.parseInt(new String(m.payload(), StandardCharsets.UTF_8)));
                    assertTrue(o.ack(m.id()));
                }
            }
            for (Thread th : producers) {
                th.join();
            }
            assertEquals(threads * perThread, ids.size());
            for (int t = 0; t < threads; t++) {
                List<Integer> got = seen.get("loupe/s/n/p" + t + "/result");
                for (int i = 0; i < perThread; i++) {
                    assertEquals(i, got.get(i), "topic p" + t + " out of order at " + i);
                }
            }
            long commits = o.commits();
            assertTrue(commits < threads * perThread,
                    commits + " commits for " + threads * perThread + " appends: no group commit");
            assertEquals(0, o.dropped());
        }
    }
}
