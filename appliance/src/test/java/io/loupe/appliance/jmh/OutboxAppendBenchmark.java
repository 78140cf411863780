package io.loupe.appliance.jmh;

import io.loupe.mqtt.MqttLinkException;
import io.loupe.mqtt.SqliteOutbox;
import io.loupe.mqtt.SqliteOutboxSettings;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * One durable append to the SQLite WAL outbox, returning once its group is committed: what the publishing thread pays
 * per result. One appender, and four appenders sharing the group commits.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OutboxAppendBenchmark {
    private static final byte[] PAYLOAD = ("{\"schema\":\"loupe.defect.result/1\",\"seq\":1,"
            + "\"verdict\":\"NG\",\"defects\":[{\"label\":\"scratch\",\"score\":0.91,\"box\":[10,20,30,40]}],"
            + "\"padding\":\"" + "x".repeat(200) + "\"}").getBytes(StandardCharsets.UTF_8);

    private Path dir;
    private SqliteOutbox outbox;

    @Setup
    public void setUp() throws IOException, MqttLinkException {
        dir = Files.createTempDirectory("loupe-jmh-outbox-");
        outbox = SqliteOutbox.open(SqliteOutboxSettings.defaults(dir.resolve("outbox.db")));
    }

    @Benchmark
    public long append() {
        return outbox.append("loupe/site/node/line1/result", PAYLOAD, false);
    }

    @Benchmark
    @Threads(4)
    public long appendFourThreads() {
        return outbox.append("loupe/site/node/line1/result", PAYLOAD, false);
    }

    @TearDown
    public void tearDown() throws IOException {
        outbox.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
