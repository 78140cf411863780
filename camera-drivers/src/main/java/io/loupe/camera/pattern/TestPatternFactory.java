package io.loupe.camera.pattern;

import io.loupe.camera.CameraSpec;
import io.loupe.camera.FrameSource;
import io.loupe.camera.FrameSourceFactory;

import java.util.Set;

/** The {@code test:} scheme: {@code test:pattern?width=640&height=480&fps=25&frames=0}. */
public final class TestPatternFactory implements FrameSourceFactory {

    @Override
    public Set<String> schemes() {
        return Set.of("test");
    }

    @Override
    public String check(CameraSpec spec) {
        try {
            PatternParams.parse(spec.url());
            return null;
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
    }

    @Override
    public FrameSource create(CameraSpec spec) {
        return new TestPatternSource(spec, PatternParams.parse(spec.url()));
    }
}
