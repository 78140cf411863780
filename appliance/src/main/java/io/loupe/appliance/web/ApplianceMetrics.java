package io.loupe.appliance.web;

import io.loupe.appliance.Appliance;
import io.loupe.appliance.ProcessMemory;
import io.loupe.camera.Camera;
import io.loupe.camera.CameraState;
import io.loupe.pipelines.PipelineWorker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import jakarta.inject.Singleton;

import java.util.function.ToDoubleFunction;

/**
 * Per-camera, per-pipeline and MQTT series for {@code /metrics}. Every value is read when scraped; nothing is counted
 * twice.
 */
@Singleton
public class ApplianceMetrics implements MeterBinder {
    private final Appliance appliance;

    public ApplianceMetrics(Appliance appliance) {
        this.appliance = appliance;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (Camera c : appliance.cameras().values()) {
            gauge(registry, "loupe.camera.fps", "frames per second read, recent", c, x -> x.status().fps(), "camera", c.id());
            gauge(registry, "loupe.camera.online", "1 when the camera delivers frames", c,
                    x -> x.status().state() == CameraState.ONLINE ? 1 : 0, "camera", c.id());
            counter(registry, "loupe.camera.frames", "frames read", c, x -> x.status().frames(), "camera", c.id());
            counter(registry, "loupe.camera.reconnects", "reconnections", c, x -> x.status().reconnects(), "camera", c.id());
        }
        for (PipelineWorker w : appliance.workers().values()) {
            String id = w.id();
            gauge(registry, "loupe.pipeline.fps", "frames processed per second, recent", w, x -> x.stats().fps(), "pipeline", id);
            gauge(registry, "loupe.pipeline.latency.p50.ms", "median capture-to-result latency", w,
                    x -> x.stats().latencyP50Ms(), "pipeline", id);
            gauge(registry, "loupe.pipeline.latency.p99.ms", "99th percentile capture-to-result latency", w,
                    x -> x.stats().latencyP99Ms(), "pipeline", id);
            counter(registry, "loupe.pipeline.processed", "frames processed", w, x -> x.stats().processed(), "pipeline", id);
            counter(registry, "loupe.pipeline.errors", "frames that failed in a stage", w, x -> x.stats().errors(),
                    "pipeline", id);
            counter(registry, "loupe.pipeline.dropped", "frames the mailbox dropped", w, x -> x.stats().dropped(),
                    "pipeline", id);
        }
        gauge(registry, "loupe.mqtt.connected", "1 while the broker link is up", appliance,
                a -> a.linkStatus().connected() ? 1 : 0);
        gauge(registry, "loupe.mqtt.pending", "messages waiting in the outbox", appliance, a -> a.linkStatus().pending());
        counter(registry, "loupe.mqtt.published", "messages handed to the broker", appliance, a -> a.linkStatus().published());
        counter(registry, "loupe.mqtt.dropped", "messages dropped because the outbox was full", appliance,
                a -> a.linkStatus().dropped());
        gauge(registry, "loupe.process.resident.bytes", "the whole process's resident memory, heap and native (VmRSS)",
                appliance, a -> ProcessMemory.residentBytes());
        counter(registry, "loupe.native.trim.released.bytes", "native heap memory handed back to the operating system",
                appliance, Appliance::nativeHeapReleasedBytes);
    }

    private static <T> void gauge(MeterRegistry r, String name, String help, T obj, ToDoubleFunction<T> f, String... tags) {
        Gauge.builder(name, obj, x -> {
            double v = f.applyAsDouble(x);
            return Double.isNaN(v) ? 0 : v;
        }).description(help).tags(tags).register(r);
    }

    private static <T> void counter(MeterRegistry r, String name, String help, T obj, ToDoubleFunction<T> f,
                                    String... tags) {
        FunctionCounter.builder(name, obj, f).description(help).tags(tags).register(r);
    }
}
