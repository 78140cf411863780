package io.loupe.appliance.config;

/**
 * One pipeline.
 *
 * @param type     pipeline type ({@code defect})
 * @param camera   id of the camera it reads
 * @param model    id of the model it runs
 * @param mailbox  frame hand-over policy: {@code latest} (live cameras), {@code queue(n)}, or {@code all} (every frame)
 * @param enabled  false keeps it off
 * @param settings the type's own settings block, checked against that type's settings record
 */
public record PipelineConfig(@Required String type, @Required String camera, @Required String model, String mailbox,
                             boolean enabled, RawNode settings) {

    public static PipelineConfig defaults() {
        return new PipelineConfig(null, null, null, "latest", true, null);
    }
}
