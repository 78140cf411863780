package io.loupe.mqtt.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import io.loupe.mqtt.LinkTuning;
import io.loupe.mqtt.MqttLink;
import io.loupe.mqtt.MqttSettings;
import io.loupe.mqtt.SqliteOutbox;
import io.loupe.mqtt.SqliteOutboxSettings;
import io.loupe.mqtt.SyncMode;

/**
 * Measures the durable path end to end: {@link MqttLink} on a {@link SqliteOutbox} to a local Mosquitto it starts
 * (QoS 1, MQTT 5), on this machine. Three figures per repeat, medians printed at the end:
 * <ul>
 *   <li><b>burst</b>: producers (pipeline threads, each on its own result topic) append {@code --messages} results as
 *       fast as they can; throughput is messages over the time from the first append to the last PUBACK, so every
 *       message was committed to SQLite, sent and acknowledged (its delete is committed with the next group); with
 *       each append's latency;</li>
 *   <li><b>paced</b>: the same producers at {@code --rate} messages/s in all for {@code --paced-seconds}, as pipelines
 *       publish; the append latency a pipeline thread sees;</li>
 *   <li><b>backlog</b>: {@code --messages} already in the outbox (a broker outage), then the link starts: how fast
 *       the backlog drains.</li>
 * </ul>
 * Usage: {@code java -cp … io.loupe.mqtt.bench.OutboxBench [--messages 20000] [--repeats 5] [--producers 4]
 * [--payload 600] [--rate 1000] [--paced-seconds 5] [--sync normal|full]}. Needs {@code /usr/sbin/mosquitto}.
 */
public final class OutboxBench {

    private record Options(int messages, int repeats, int producers, int payload, int rate, int pacedSeconds,
                           SyncMode sync) {
    }

    private record Run(double burstPerSecond, double burstP50, double burstP99, double pacedP50, double pacedP99,
                       double pacedMax, double backlogPerSecond) {
    }

    private OutboxBench() {
    }

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        if (!LocalMosquitto.installed()) {
            System.err.println(LocalMosquitto.BINARY + " is missing: apt-get install mosquitto");
            System.exit(2);
        }
        Path dir = Files.createTempDirectory("loupe-outbox-bench");
        System.out.printf(Locale.ROOT, "OutboxBench: %d messages of %d bytes, %d producers, %d repeats, sync %s,"
                        + " paced %d msg/s for %d s; Java %s, %d CPUs%n", o.messages(), o.payload(), o.producers(),
                o.repeats(), o.sync(), o.rate(), o.pacedSeconds(), System.getProperty("java.version"),
                Runtime.getRuntime().availableProcessors());
        List<Run> runs = new ArrayList<>();
        try (LocalMosquitto broker = LocalMosquitto.builder(dir.resolve("broker")).start()) {
            run(o, broker, dir.resolve("warmup"), true);
            for (int r = 0; r < o.repeats(); r++) {
                Run run = run(o, broker, dir.resolve("run-" + r), false);
                runs.add(run);
                System.out.printf(Locale.ROOT, "  run %d: burst %,.0f msg/s (append p50 %.2f ms, p99 %.2f ms);"
                                + " paced append p50 %.2f ms, p99 %.2f ms, max %.2f ms; backlog drain %,.0f msg/s%n",
                        r + 1, run.burstPerSecond(), run.burstP50(), run.burstP99(), run.pacedP50(), run.pacedP99(),
                        run.pacedMax(), run.backlogPerSecond());
            }
        }
        System.out.printf(Locale.ROOT, "median of %d: durable throughput %,.0f msg/s (burst, append p50 %.2f ms,"
                        + " p99 %.2f ms); paced %d msg/s: append p50 %.2f ms, p99 %.2f ms; backlog drain %,.0f msg/s%n",
                runs.size(), median(runs, Run::burstPerSecond), median(runs, Run::burstP50),
                median(runs, Run::burstP99), o.rate(), median(runs, Run::pacedP50), median(runs, Run::pacedP99),
                median(runs, Run::backlogPerSecond));
    }

    private static Run run(Options o, LocalMosquitto broker, Path dir, boolean warmup) throws Exception {
        int messages = warmup ? Math.min(o.messages(), 5_000) : o.messages();
        SqliteOutboxSettings os = SqliteOutboxSettings.defaults(dir.resolve("outbox.db")).withSync(o.sync());
        MqttSettings s = MqttSettings.builder("bench", "node").url(broker.url()).build();
        LinkTuning tuning = LinkTuning.defaults().withReconnect(Duration.ofMillis(100), Duration.ofMillis(500));
        double burst;
        double[] burstLatency;
        double[] pacedLatency;
        try (SqliteOutbox outbox = SqliteOutbox.open(os);
             MqttLink link = new MqttLink(s, outbox, () -> null, tuning)) {
            link.start();
            awaitConnected(link);
            // burst
            long[][] lat = new long[o.producers()][];
            long t0 = System.nanoTime();
            produce(link, o, messages, 0, lat);
            awaitAcked(link, messages);
            burst = messages / ((System.nanoTime() - t0) / 1e9);
            burstLatency = percentiles(lat);
            // paced
            int paced = warmup ? o.rate() : o.rate() * o.pacedSeconds();
            long[][] plat = new long[o.producers()][];
            produce(link, o, paced, o.rate(), plat);
            awaitAcked(link, messages + paced);
            pacedLatency = percentiles(plat);
        }
        // backlog: appended with no link, then drained
        double backlog;
        try (SqliteOutbox outbox = SqliteOutbox.open(os)) {
            byte[] payload = payload(o.payload(), 0, "backlog");
            String topic = s.topics().result("backlog");
            for (int i = 0; i < messages; i++) {
                outbox.append(topic, payload, false);
            }
            try (MqttLink link = new MqttLink(s, outbox, () -> null, tuning)) {
                long t0 = System.nanoTime();
                link.start();
                awaitAcked(link, messages);
                backlog = messages / ((System.nanoTime() - t0) / 1e9);
            }
        }
        return new Run(burst, burstLatency[0], burstLatency[1], pacedLatency[0], pacedLatency[1], pacedLatency[2],
                backlog);
    }

    /** {@code total} messages from the producers, each on its own pipeline topic; {@code rate} 0: as fast as possible. */
    private static void produce(MqttLink link, Options o, int total, int rate, long[][] latencies)
            throws InterruptedException {
        int n = o.producers();
        CountDownLatch done = new CountDownLatch(n);
        for (int p = 0; p < n; p++) {
            int id = p;
            int count = total / n + (p < total % n ? 1 : 0);
            latencies[p] = new long[count];
            Thread t = new Thread(() -> {
                String pipeline = "line" + id;
                String topic = link.topics().result(pipeline);
                long interval = rate == 0 ? 0 : TimeUnit.SECONDS.toNanos(1) * n / rate;
                long next = System.nanoTime();
                for (int i = 0; i < count; i++) {
                    if (interval > 0) {
                        next += interval;
                        long wait = next - System.nanoTime();
                        if (wait > 0) {
                            LockSupport.parkNanos(wait);
                        }
                    }
                    byte[] payload = payload(o.payload(), i, pipeline);
                    long a = System.nanoTime();
                    link.publish(topic, payload, false);
                    latencies[id][i] = System.nanoTime() - a;
                }
                done.countDown();
            }, "bench-pipeline-" + p);
            t.start();
        }
        done.await();
    }

    /** A result-like JSON object of about {@code size} bytes. */
    private static byte[] payload(int size, int seq, String pipeline) {
        StringBuilder b = new StringBuilder(size + 64);
        b.append("{\"schema\":\"loupe.defect.result/1\",\"seq\":").append(seq).append(",\"pipeline\":\"")
                .append(pipeline).append("\",\"pad\":\"");
        while (b.length() < size - 2) {
            b.append('x');
        }
        b.append("\"}");
        return b.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** p50, p99, max in milliseconds. */
    private static double[] percentiles(long[][] latencies) {
        int n = 0;
        for (long[] l : latencies) {
            n += l.length;
        }
        long[] all = new long[n];
        int at = 0;
        for (long[] l : latencies) {
            System.arraycopy(l, 0, all, at, l.length);
            at += l.length;
        }
        Arrays.sort(all);
        return new double[]{all[(int) (n * 0.50)] / 1e6, all[Math.min(n - 1, (int) (n * 0.99))] / 1e6,
                all[n - 1] / 1e6};
    }

    private static void awaitConnected(MqttLink link) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!link.status().connected()) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not connected: " + link.status());
            }
            Thread.sleep(5);
        }
    }

    private static void awaitAcked(MqttLink link, long n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (link.status().acked() < n) {
            if (System.nanoTime() > end) {
                throw new IllegalStateException("not all acknowledged: " + link.status());
            }
            Thread.sleep(1);
        }
    }

    private interface Metric {
        double of(Run r);
    }

    private static double median(List<Run> runs, Metric m) {
        double[] v = runs.stream().mapToDouble(m::of).sorted().toArray();
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    private static Options parse(String[] args) {
        int messages = 20_000;
        int repeats = 5;
        int producers = 4;
        int payload = 600;
        int rate = 1_000;
        int pacedSeconds = 5;
        SyncMode sync = SyncMode.NORMAL;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(a + " needs a value");
            }
            String v = args[++i];
            switch (a) {
                case "--messages" -> messages = Integer.parseInt(v);
                case "--repeats" -> repeats = Integer.parseInt(v);
                case "--producers" -> producers = Integer.parseInt(v);
                case "--payload" -> payload = Integer.parseInt(v);
                case "--rate" -> rate = Integer.parseInt(v);
                case "--paced-seconds" -> pacedSeconds = Integer.parseInt(v);
                case "--sync" -> sync = SyncMode.valueOf(v.toUpperCase(Locale.ROOT));
                default -> throw new IllegalArgumentException("unknown option " + a + ": use --messages, --repeats,"
                        + " --producers, --payload, --rate, --paced-seconds, --sync");
            }
        }
        return new Options(messages, repeats, producers, payload, rate, pacedSeconds, sync);
    }
}
