package io.loupe.appliance;

import io.loupe.models.ModelInfo;

/**
 * One configured model.
 *
 * @param id    model id
 * @param info  what was loaded, or null when loading failed
 * @param error why loading failed, or null
 */
public record ModelView(String id, ModelInfo info, String error) {
}
