package io.loupe.samples.core;

import java.nio.file.Path;
import java.util.List;

/**
 * What a generator wrote.
 *
 * @param frames     frames in the video
 * @param parts      objects (parts, traps, walkers) that appear in it
 * @param flagged    of those, how many carry a finding (NG parts, …)
 * @param files      every file written, video and ground truth first
 */
public record SceneSummary(int frames, int parts, int flagged, List<Path> files) {

    public SceneSummary {
        files = List.copyOf(files);
    }
}
