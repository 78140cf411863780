package io.loupe.appliance.events;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** The last {@code capacity} events, newest first. Thread-safe; adding is cheap (no I/O). */
public final class EventLog {
    private final Clock clock;
    private final int capacity;
    private final Deque<Event> events;
    private long next;

    public EventLog(Clock clock, int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("an event log keeps at least one event, got capacity " + capacity);
        }
        this.clock = clock;
        this.capacity = capacity;
        this.events = new ArrayDeque<>(capacity);
    }

    /** Records an event now. */
    public synchronized Event add(EventKind kind, String subject, String text, boolean alarm, String link) {
        Event e = new Event(++next, clock.instant(), kind, subject, text, alarm, link);
        if (events.size() == capacity) {
            events.removeLast();
        }
        events.addFirst(e);
        return e;
    }

    /** Up to {@code limit} events newer than {@code afterId} (0 for all), newest first. */
    public synchronized List<Event> since(long afterId, int limit) {
        List<Event> out = new ArrayList<>(Math.min(limit, events.size()));
        for (Event e : events) {
            if (e.id() <= afterId || out.size() == limit) {
                break;
            }
            out.add(e);
        }
        return out;
    }
}
