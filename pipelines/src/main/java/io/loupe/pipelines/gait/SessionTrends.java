package io.loupe.pipelines.gait;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Past bouts per session, newest last, for the web page's trends: at most {@value #PER_SESSION} bouts per session and
 * {@value #SESSIONS} sessions (the oldest session is forgotten first). In memory only. Thread-safe.
 */
final class SessionTrends {
    static final int PER_SESSION = 200;
    static final int SESSIONS = 50;

    private final Map<String, Deque<BoutSummary>> bySession = new LinkedHashMap<>();

    synchronized void add(BoutSummary summary) {
        Deque<BoutSummary> bouts = bySession.remove(summary.session());
        if (bouts == null) {
            bouts = new ArrayDeque<>();
        }
        bySession.put(summary.session(), bouts);
        bouts.addLast(summary);
        while (bouts.size() > PER_SESSION) {
            bouts.removeFirst();
        }
        while (bySession.size() > SESSIONS) {
            bySession.remove(bySession.keySet().iterator().next());
        }
    }

    synchronized List<BoutSummary> of(String session) {
        Deque<BoutSummary> bouts = bySession.get(session);
        return bouts == null ? List.of() : List.copyOf(bouts);
    }

    synchronized List<String> sessions() {
        return new ArrayList<>(bySession.keySet());
    }

    synchronized int remove(String session) {
        Deque<BoutSummary> bouts = bySession.remove(session);
        return bouts == null ? 0 : bouts.size();
    }
}
