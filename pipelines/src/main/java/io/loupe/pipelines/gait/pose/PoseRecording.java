package io.loupe.pipelines.gait.pose;

import io.loupe.models.Detection;
import io.loupe.pipelines.gait.analysis.Joints;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.UTFDataFormatException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What a pose source gave for each frame of one video — the people it detected and, where the pipeline asked, the
 * chosen walker's refined pose — so that the video can be analysed again without running the pose model
 * ({@link ReplayedPoseSource}): tuning the gait settings on a labelled set takes seconds instead of minutes. Made by
 * {@link RecordingPoseSource}; stored as a small binary file that names the source and a key for what it was made
 * from (the caller's: e.g. the models' sha256, the pose settings and the video's sha256), so that a recording is not
 * replayed for anything else.
 *
 * @param source the recorded source's {@link PoseSource#describe()}
 * @param key    what the poses were made from
 * @param frames per frame, in order
 */
public record PoseRecording(String source, String key, List<Frame> frames) {
    /** The format: since version 2 each person carries the silhouette's lower end. */
    private static final String MAGIC = "loupe.gait.poses/2";
    private static final String FAMILY = "loupe.gait.poses/";

    public PoseRecording {
        frames = List.copyOf(frames);
    }

    /**
     * One frame.
     *
     * @param people  what {@link PoseSource#detect} returned
     * @param refined what {@link PoseSource#refine} returned for the walker, or null when it was not asked
     */
    public record Frame(List<PersonPose> people, PersonPose refined) {
        public Frame {
            people = List.copyOf(people);
        }
    }

    /**
     * Writes the recording to {@code file} (replacing it).
     *
     * @throws IOException when it cannot be written
     */
    public void write(Path file) throws IOException {
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            out.writeUTF(MAGIC);
            out.writeUTF(source);
            out.writeUTF(key);
            out.writeInt(frames.size());
            for (Frame f : frames) {
                out.writeInt(f.people().size());
                for (PersonPose p : f.people()) {
                    write(out, p);
                }
                out.writeBoolean(f.refined() != null);
                if (f.refined() != null) {
                    write(out, f.refined());
                }
            }
        }
    }

    /**
     * Reads a recording {@link #write} made.
     *
     * @throws IOException when the file cannot be read, or is not a pose recording (the message names the file and
     *                     the fix)
     */
    public static PoseRecording read(Path file) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + (magic.startsWith(FAMILY) ? " is a pose recording in an older format ("
                        + magic + ", this version reads " + MAGIC + ")" : " is not a pose recording (" + MAGIC + ")")
                        + "; delete it to record again");
            }
            String source = in.readUTF();
            String key = in.readUTF();
            int n = in.readInt();
            List<Frame> frames = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                int people = in.readInt();
                List<PersonPose> list = new ArrayList<>(people);
                for (int k = 0; k < people; k++) {
                    list.add(read(in));
                }
                frames.add(new Frame(list, in.readBoolean() ? read(in) : null));
            }
            return new PoseRecording(source, key, frames);
        } catch (EOFException | UTFDataFormatException e) {
            throw new IOException(file + " is cut short or not a pose recording; delete it to record again", e);
        }
    }

    private static void write(DataOutputStream out, PersonPose p) throws IOException {
        Detection d = p.box();
        out.writeInt(d.classId());
        out.writeUTF(d.label());
        out.writeFloat(d.score());
        out.writeFloat(d.x1());
        out.writeFloat(d.y1());
        out.writeFloat(d.x2());
        out.writeFloat(d.y2());
        for (int j = 0; j < Joints.COUNT; j++) {
            out.writeFloat(p.x()[j]);
            out.writeFloat(p.y()[j]);
            out.writeFloat(p.score()[j]);
        }
        out.writeFloat(p.silhouetteBottom());
        out.writeBoolean(p.partial());
        out.writeUTF(p.note() == null ? "" : p.note());
    }

    private static PersonPose read(DataInputStream in) throws IOException {
        Detection d = new Detection(in.readInt(), in.readUTF(), in.readFloat(), in.readFloat(), in.readFloat(),
                in.readFloat(), in.readFloat());
        float[] x = new float[Joints.COUNT];
        float[] y = new float[Joints.COUNT];
        float[] s = new float[Joints.COUNT];
        for (int j = 0; j < Joints.COUNT; j++) {
            x[j] = in.readFloat();
            y[j] = in.readFloat();
            s[j] = in.readFloat();
        }
        float bottom = in.readFloat();
        boolean partial = in.readBoolean();
        String note = in.readUTF();
        return new PersonPose(d, x, y, s, bottom, partial, note.isEmpty() ? null : note);
    }
}
