package io.loupe.camera;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

import static org.bytedeco.opencv.global.opencv_core.CV_8UC3;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FramePoolTest {

    @Test
    void release_lastReference_returnsFrameToPool_andPoolNeverGrowsOver500Frames() throws Exception {
        // given a pool of 3 frames
        try (FramePool pool = new FramePool("cam", 3)) {
            Set<Frame> seen = Collections.newSetFromMap(new IdentityHashMap<>());
            Set<Long> buffers = new java.util.HashSet<>();

            // when 500 frames are decoded, shared by two consumers and released
            for (int i = 0; i < 500; i++) {
                Frame frame = pool.acquire(Duration.ZERO);
                assertNotNull(frame, "pool ran dry at frame " + i);
                frame.mat().create(48, 64, CV_8UC3);
                frame.stamp(i + 1, i * 40_000L, 1_000 + i, 0);
                Frame second = frame.retain();
                assertSame(frame, second);
                frame.release();
                assertEquals(2, pool.available(), "a frame with a reference left stays out of the pool");
                second.release();
                seen.add(frame);
                buffers.add(frame.mat().data().address());
            }

            // then every frame came back and no frame or pixel buffer was ever added
            assertEquals(3, pool.available());
            assertEquals(3, pool.size());
            assertTrue(seen.size() <= 3, "frames used: " + seen.size());
            assertTrue(buffers.size() <= 3, "pixel buffers used: " + buffers.size());
        }
    }

    @Test
    void release_moreOftenThanRetained_throws() throws Exception {
        try (FramePool pool = new FramePool("cam", 1)) {
            // given a frame released once already
            Frame frame = pool.acquire(Duration.ZERO);
            frame.release();

            // when released again, or retained after its last release
            IllegalStateException twice = assertThrows(IllegalStateException.class, frame::release);
            IllegalStateException late = assertThrows(IllegalStateException.class, frame::retain);

            // then both say what went wrong, and the pool still holds the frame once
            assertTrue(twice.getMessage().contains("released more often"), twice.getMessage());
            assertTrue(late.getMessage().contains("already released"), late.getMessage());
            assertEquals(1, pool.available());
        }
    }

    @Test
    void acquire_whenEveryFrameIsHeld_waitsThenGivesNull() throws Exception {
        try (FramePool pool = new FramePool("cam", 1)) {
            // given the only frame held
            Frame held = pool.acquire(Duration.ZERO);

            // when another is asked for
            long start = System.nanoTime();
            Frame none = pool.acquire(Duration.ofMillis(100));

            // then the caller waited and got nothing; after the release it gets the same frame
            assertNull(none);
            assertTrue(System.nanoTime() - start >= 90_000_000L);
            held.release();
            assertSame(held, pool.acquire(Duration.ZERO));
        }
    }
}
