package io.loupe.pipelines;

import io.loupe.models.Model;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The appliance's loaded models by configuration id, for pipeline types that run more than their own {@code model}
 * (e.g. a person detector in front of a pose model). Lookups happen when a pipeline is built, never per frame.
 */
public interface ModelCatalog {

    /** The loaded model with this id; empty when none is configured or it failed to load. */
    Optional<Model> find(String id);

    /** The ids of the loaded models, for error messages. */
    Set<String> ids();

    /**
     * The loaded model with this id.
     *
     * @param what what the pipeline needs it for, for the message (e.g. {@code settings.pose.detector})
     * @throws IllegalArgumentException naming the id, what it was for and the loaded ids
     */
    default Model require(String id, String what) {
        return find(id).orElseThrow(() -> new IllegalArgumentException(what + ": model '" + id
                + "' is not configured or did not load; use one of " + ids() + " or add it under models:"));
    }

    /** No models beyond the pipeline's own. */
    static ModelCatalog empty() {
        return of(Map.of());
    }

    /** A catalog over a map of id to model (read when looked up; the map is not copied). */
    static ModelCatalog of(Map<String, Model> models) {
        return new ModelCatalog() {
            @Override
            public Optional<Model> find(String id) {
                return Optional.ofNullable(models.get(id));
            }

            @Override
            public Set<String> ids() {
                return Set.copyOf(models.keySet());
            }
        };
    }
}
