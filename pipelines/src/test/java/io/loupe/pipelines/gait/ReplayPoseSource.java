package io.loupe.pipelines.gait;

import io.loupe.models.Detection;
import io.loupe.pipelines.gait.analysis.Joints;
import io.loupe.pipelines.gait.analysis.KeypointSeries;
import io.loupe.pipelines.gait.pose.PersonPose;
import io.loupe.pipelines.gait.pose.PoseSource;
import org.bytedeco.opencv.opencv_core.Mat;

import java.util.ArrayList;
import java.util.List;

/**
 * A pose source that plays recorded keypoints (a generated walk) instead of running a model: call {@code n} gives
 * sample {@code n} of the series (nobody once the series is over), plus, when asked, a bystander who stands still
 * beside the walkway. It stands in for the pose model, which the synthetic walker has none of; everything after the
 * pose source runs for real.
 */
class ReplayPoseSource implements PoseSource {
    private final KeypointSeries series;
    private final boolean bystander;
    private int next;
    private boolean closed;

    ReplayPoseSource(KeypointSeries series, boolean bystander) {
        this.series = series;
        this.bystander = bystander;
    }

    @Override
    public List<PersonPose> detect(Mat bgr) {
        int i = next++;
        List<PersonPose> people = new ArrayList<>(2);
        if (i < series.size()) {
            float[] x = new float[Joints.COUNT];
            float[] y = new float[Joints.COUNT];
            float[] s = new float[Joints.COUNT];
            float x1 = Float.MAX_VALUE;
            float y1 = Float.MAX_VALUE;
            float x2 = -Float.MAX_VALUE;
            float y2 = -Float.MAX_VALUE;
            for (int j = 0; j < Joints.COUNT; j++) {
                x[j] = series.x(j, i);
                y[j] = series.y(j, i);
                s[j] = series.score(j, i);
                if (!Float.isNaN(x[j])) {
                    x1 = Math.min(x1, x[j]);
                    y1 = Math.min(y1, y[j]);
                    x2 = Math.max(x2, x[j]);
                    y2 = Math.max(y2, y[j]);
                }
            }
            if (x1 <= x2) {
                float pad = 0.08f * (y2 - y1);
                people.add(new PersonPose(new Detection(0, "person", 0.9f, x1 - pad, y1 - pad, x2 + pad, y2 + pad),
                        x, y, s, false, null));
            }
        }
        if (bystander) {
            people.add(PersonPose.boxOnly(new Detection(0, "person", 0.8f, 20, 150, 80, 330)));
        }
        return people;
    }

    @Override
    public String describe() {
        return "replay";
    }

    @Override
    public void close() {
        closed = true;
    }

    boolean closed() {
        return closed;
    }
}
