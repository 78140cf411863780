package io.loupe.appliance.bench;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.loupe.appliance.ProcessMemory;

import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the JVM process costs: bytes allocated per thread group (from the per-thread allocation counters of
 * {@code com.sun.management.ThreadMXBean}), GC pauses (from GC notifications, each pause's duration), heap in use and
 * the resident set size from {@code /proc/self/status}.
 */
final class ProcessProbe implements AutoCloseable {
    private final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    /** Name prefixes of the embedded HiveMQ broker's threads. */
    private static final List<String> BROKER_THREADS = List.of("hivemq", "embedded-hivemq", "single-writer",
            "payload-persistence", "extension-task", "scheduled-persistence", "Exodus", "threadJobProcessor",
            "shutdown-log");

    private final long benchThread = Thread.currentThread().getId();
    private final List<Double> pauses = new ArrayList<>();
    private final List<NotificationEmitter> emitters = new ArrayList<>();
    private final NotificationListener listener = (n, h) -> {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            GarbageCollectionNotificationInfo info =
                    GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            synchronized (pauses) {
                pauses.add((double) info.getGcInfo().getDuration());
            }
        }
    };

    ProcessProbe() {
        threads.setThreadAllocatedMemoryEnabled(true);
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                emitter.addNotificationListener(listener, null, null);
                emitters.add(emitter);
            }
        }
    }

    /** Bytes allocated so far by each live thread, summed by {@link #group(String)}. */
    Map<String, Long> allocatedByGroup() {
        long[] ids = threads.getAllThreadIds();
        long[] bytes = threads.getThreadAllocatedBytes(ids);
        Map<String, Long> out = new LinkedHashMap<>();
        for (int i = 0; i < ids.length; i++) {
            var info = threads.getThreadInfo(ids[i]);
            if (info != null && bytes[i] >= 0) {
                out.merge(ids[i] == benchThread ? "probe" : group(info.getThreadName()), bytes[i], Long::sum);
            }
        }
        return out;
    }

    /** Pauses (milliseconds) since the last call, and forgets them. */
    List<Double> drainPauses() {
        synchronized (pauses) {
            List<Double> out = List.copyOf(pauses);
            pauses.clear();
            return out;
        }
    }

    /** Heap in use right after a full collection, MiB: the live set. Pauses the process for that collection. */
    static double liveHeapMb() {
        System.gc();
        try {
            Thread.sleep(200); // let the collection's notification arrive before the caller drains the pauses
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return heapMiB();
    }

    /** Heap in use, MiB. */
    static double heapMiB() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1048576.0;
    }

    /** A field of /proc/self/status in MiB ({@code VmRSS}, {@code VmHWM}), or NaN off Linux. */
    static double procStatusMiB(String field) {
        long bytes = ProcessMemory.statusBytes(field);
        return bytes < 0 ? Double.NaN : bytes / 1048576.0;
    }

    /**
     * The group a thread's allocations count in: {@code camera} (capture and decode), {@code pipeline} (stages and
     * sinks), {@code mqtt} (the appliance's link and outbox), {@code probe} (this benchmark's subscriber and its own
     * thread, and the thread that made this probe), {@code broker} (the embedded broker), {@code other}.
     */
    static String group(String name) {
        if (name.startsWith("camera-")) {
            return "camera";
        }
        if (name.startsWith("pipeline-") || name.startsWith("ng-images-")) {
            return "pipeline";
        }
        if (name.contains(ResultProbe.CLIENT_ID) || name.startsWith("loupe-bench")) {
            return "probe";
        }
        if (name.startsWith("loupe-publish") || name.startsWith("loupe-mqtt") || name.startsWith("loupe-outbox")
                || name.startsWith("MQTT")) {
            return "mqtt";
        }
        if (BROKER_THREADS.stream().anyMatch(name::startsWith)) {
            return "broker";
        }
        return "other";
    }

    @Override
    public void close() {
        for (NotificationEmitter e : emitters) {
            try {
                e.removeNotificationListener(listener);
            } catch (javax.management.ListenerNotFoundException ignored) {
                // already gone
            }
        }
    }
}
