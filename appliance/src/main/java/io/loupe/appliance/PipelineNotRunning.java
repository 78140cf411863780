package io.loupe.appliance;

/**
 * A command or request for a pipeline that is configured but not running (it failed to start): the message names the
 * pipeline, why it did not start and the fix. The API answers it with 409, an MQTT command with a refusal.
 */
public class PipelineNotRunning extends RuntimeException {
    public PipelineNotRunning(String message) {
        super(message);
    }
}
