package io.loupe.camera;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailboxTest {

    private final FramePool pool = new FramePool("cam", 8);

    @AfterEach
    void closePool() {
        pool.close();
    }

    /** What the capture thread does: stamp a pool frame, offer it, drop its own reference. */
    private Frame produce(Mailbox box, long seq) throws InterruptedException {
        Frame frame = pool.acquire(Duration.ZERO);
        frame.stamp(seq, -1, seq, 0);
        try {
            box.offer(frame);
        } finally {
            frame.release();
        }
        return frame;
    }

    @Test
    void latest_consumerBehind_getsNewestFrame_andDroppedOnesGoBackToThePool() throws Exception {
        // given a latest mailbox nobody takes from
        Mailbox box = new Mailbox("cam", "live", new MailboxPolicy.Latest());

        // when three frames arrive
        produce(box, 1);
        produce(box, 2);
        Frame third = produce(box, 3);

        // then only the newest waits, two were dropped and released
        Frame taken = box.take(Duration.ZERO);
        assertSame(third, taken);
        assertEquals(3, taken.seq());
        assertEquals(3, box.received());
        assertEquals(2, box.dropped());
        assertEquals(7, pool.available());
        taken.release();
        assertEquals(8, pool.available());
    }

    @Test
    void queue_full_dropsTheOldest() throws Exception {
        // given queue(2)
        Mailbox box = new Mailbox("cam", "q", MailboxPolicy.parse("queue(2)"));

        // when four frames arrive
        for (int seq = 1; seq <= 4; seq++) {
            produce(box, seq);
        }

        // then frames 3 and 4 wait, in order
        Frame a = box.take(Duration.ZERO);
        Frame b = box.take(Duration.ZERO);
        assertEquals(3, a.seq());
        assertEquals(4, b.seq());
        assertEquals(2, box.dropped());
        a.release();
        b.release();
        assertEquals(8, pool.available());
    }

    @Test
    void all_full_makesTheProducerWaitUntilTheConsumerTakes() throws Exception {
        // given all(2) holding two frames
        Mailbox box = new Mailbox("cam", "replay", new MailboxPolicy.All(2));
        produce(box, 1);
        produce(box, 2);

        // when a third frame is offered from another thread
        CountDownLatch offered = new CountDownLatch(1);
        Thread producer = new Thread(() -> {
            try {
                produce(box, 3);
                offered.countDown();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "test-producer");
        producer.start();

        // then it waits until one is taken, and nothing is dropped
        assertFalse(offered.await(200, TimeUnit.MILLISECONDS), "producer should wait while the box is full");
        Frame first = box.take(Duration.ZERO);
        assertTrue(offered.await(2, TimeUnit.SECONDS), "producer should go on once there is room");
        producer.join(2_000);
        assertEquals(1, first.seq());
        first.release();
        Frame second = box.take(Duration.ZERO);
        Frame third = box.take(Duration.ZERO);
        assertEquals(2, second.seq());
        assertEquals(3, third.seq());
        second.release();
        third.release();
        assertEquals(0, box.dropped());
        assertEquals(3, box.received());
    }

    @Test
    void end_framesInsideCanStillBeTaken_thenTakeGivesNullAtOnce() throws Exception {
        // given two frames waiting when the camera ends
        Mailbox box = new Mailbox("cam", "replay", new MailboxPolicy.All(4));
        produce(box, 1);
        produce(box, 2);
        box.end();

        // when the consumer drains it
        assertFalse(box.ended());
        box.take(Duration.ZERO).release();
        box.take(Duration.ZERO).release();

        // then it has ended and take returns null without waiting; later offers are refused
        assertTrue(box.ended());
        long start = System.nanoTime();
        assertNull(box.take(Duration.ofSeconds(5)));
        assertTrue(System.nanoTime() - start < 1_000_000_000L);
        Frame late = pool.acquire(Duration.ZERO);
        assertFalse(box.offer(late));
        late.release();
        assertEquals(8, pool.available());
    }

    @Test
    void endAndDrain_releasesWhatIsInside() throws Exception {
        Mailbox box = new Mailbox("cam", "q", new MailboxPolicy.Queue(4));
        produce(box, 1);
        produce(box, 2);

        box.endAndDrain();

        assertTrue(box.ended());
        assertEquals(8, pool.available());
    }

    @Test
    void take_nothingArrives_givesNullAfterTheTimeout() throws Exception {
        Mailbox box = new Mailbox("cam", "live", new MailboxPolicy.Latest());

        long start = System.nanoTime();
        Frame none = box.take(Duration.ofMillis(100));

        assertNull(none);
        assertTrue(System.nanoTime() - start >= 90_000_000L);
        assertFalse(box.ended());
    }
}
