package io.loupe.appliance.config;

import io.loupe.camera.MailboxPolicy;
import io.loupe.pipelines.PipelineFactory;
import io.loupe.pipelines.PipelineSettings;

/**
 * One pipeline ready to build.
 *
 * @param id       pipeline id
 * @param factory  its type's factory
 * @param settings its typed settings
 * @param camera   camera id
 * @param model    model id
 * @param mailbox  frame hand-over policy
 */
public record PipelinePlan(String id, PipelineFactory<?> factory, PipelineSettings settings, String camera, String model,
                           MailboxPolicy mailbox) {
}
