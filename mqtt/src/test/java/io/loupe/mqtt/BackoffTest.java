package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class BackoffTest {

    @Test
    void next_withoutJitter_doublesFromOneSecondUpToThirty() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0.0);
        List<Long> seconds = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            seconds.add(b.next().toSeconds());
        }
        assertEquals(List.of(1L, 2L, 4L, 8L, 16L, 30L, 30L, 30L), seconds);
    }

    @Test
    void next_withFullJitter_shortensByAtMostTheJitterFraction() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2, () -> 0.999_999);
        assertEquals(800, b.next().toMillis());
        assertEquals(1_600, b.next().toMillis());
    }

    @Test
    void reset_startsAgainFromTheInitialDelay() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0, () -> 0.5);
        b.next();
        b.next();
        b.reset();
        assertEquals(Duration.ofSeconds(1), b.next());
    }

    @Test
    void next_afterManyFailures_staysAtTheMaximum() {
        Backoff b = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0, () -> 0.0);
        for (int i = 0; i < 10_000; i++) {
            b.next();
        }
        assertEquals(Duration.ofSeconds(30), b.next());
    }
}
