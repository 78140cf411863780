package io.loupe.pipelines;

import io.loupe.pipelines.defect.DefectPipelineFactory;
import io.loupe.pipelines.gait.GaitPipelineFactory;
import io.loupe.pipelines.pest.PestPipelineFactory;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The pipeline types this appliance knows, by their configuration {@code type} key. */
public final class PipelineRegistry {
    private final Map<String, PipelineFactory<?>> factories = new TreeMap<>();

    /** A registry with every built-in pipeline type. */
    public static PipelineRegistry withDefaults() {
        PipelineRegistry registry = new PipelineRegistry();
        registry.register(new DefectPipelineFactory());
        registry.register(new PestPipelineFactory());
        registry.register(new GaitPipelineFactory());
        return registry;
    }

    public void register(PipelineFactory<?> factory) {
        if (factories.putIfAbsent(factory.type(), factory) != null) {
            throw new IllegalArgumentException("pipeline type '" + factory.type() + "' is registered twice");
        }
    }

    public Set<String> types() {
        return factories.keySet();
    }

    /**
     * @throws IllegalArgumentException naming the unknown type and the known ones
     */
    public PipelineFactory<?> factory(String type) {
        PipelineFactory<?> factory = factories.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("unknown pipeline type '" + type + "': use one of " + factories.keySet());
        }
        return factory;
    }
}
