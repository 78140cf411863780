package io.loupe.appliance.evaluate;

import java.util.List;

/**
 * One bout the gait pipeline reported, against the ground truth of its walk (the truth is one bout: the whole video).
 *
 * @param bout              1, 2, … within the walk
 * @param startS            start, seconds from the video's first frame
 * @param endS              end
 * @param end               why the pipeline ended it ({@code end_of_stream}, {@code stopped}, …)
 * @param view              the view the pipeline analysed it in ({@code side}, {@code frontal})
 * @param cadenceSpm        steps per minute; error relative, {@code |found - true| / true}
 * @param stepLengthBh      step length in body heights; error relative
 * @param armSwingLeftDeg   left arm swing, degrees; error absolute, degrees
 * @param armSwingRightDeg  right arm swing, degrees; error absolute, degrees
 * @param trunkFlexionDeg   trunk flexion, degrees; error absolute, degrees
 * @param freezes           freezing episodes the pipeline found in the bout
 * @param score             the bout's gait score 0-4, null when it could not be scored
 * @param confidence        the score's confidence 0..1
 * @param missing           parameters the pipeline could not measure, {@code name: reason}
 */
public record GaitBoutError(int bout, double startS, double endS, String end, String view, ParameterError cadenceSpm,
                            ParameterError stepLengthBh, ParameterError armSwingLeftDeg,
                            ParameterError armSwingRightDeg, ParameterError trunkFlexionDeg, int freezes,
                            Integer score, double confidence, List<String> missing) {

    public GaitBoutError {
        missing = List.copyOf(missing);
    }

    /** The bout's length, seconds. */
    public double durationS() {
        return endS - startS;
    }
}
