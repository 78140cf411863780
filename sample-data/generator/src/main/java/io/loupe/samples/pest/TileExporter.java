package io.loupe.samples.pest;

import static org.bytedeco.opencv.global.opencv_imgcodecs.IMWRITE_JPEG_QUALITY;
import static org.bytedeco.opencv.global.opencv_imgcodecs.imwrite;

import io.loupe.samples.core.Box;
import io.loupe.samples.pest.truth.InsectTruth;
import io.loupe.samples.pest.truth.Species;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.opencv.opencv_core.Mat;
import org.bytedeco.opencv.opencv_core.Rect;

/**
 * Writes a tiled YOLO detection set from full-size captures, for training a detector that runs on tiles as the pest
 * pipeline slices its images: {@value #TILE}x{@value #TILE} tiles every {@value #STRIDE} px (the last row and column
 * flush with the image's edge), so neighbours overlap by at least {@value #TILE} - {@value #STRIDE} px, more than the
 * largest insect. Files: {@code images/NNNN_xXXXX_yYYYY.jpg}, {@code labels/…txt} (one {@code class cx cy w h} line
 * per insect, normalised to the tile; an insect cut by the tile's edge is labelled with its clipped box when at
 * least {@value #MIN_VISIBLE} of it is inside, else left out; tiles without insects get an empty label file), a
 * {@code data.yaml} for Ultralytics with the class names in {@link Species} order, and {@code distractors/…txt}: the
 * debris that is not an insect but may pass for one (grains, leaf fragments, fibres; not dust), one
 * {@code kind cx cy w h} line each ({@link DebrisPlan.Kind} name, its extent as a square, normalised to the tile) —
 * not labels (Ultralytics ignores the folder), but places a trainer can show the detector more often, so that it
 * learns what is <em>not</em> an insect.
 */
public final class TileExporter {

    /** Tile side, pixels. */
    public static final int TILE = 640;
    /** Distance between tile origins, pixels. */
    public static final int STRIDE = 512;
    /** Share of an insect's box that must lie in a tile for it to be labelled there. */
    public static final double MIN_VISIBLE = 0.6;
    /** JPEG quality of the tiles. */
    public static final int JPEG_QUALITY = 95;

    private final Path images;
    private final Path labels;
    private final Path distractors;
    private final List<Path> written = new ArrayList<>();

    /** Creates the folders and {@code data.yaml} under {@code root}. */
    public TileExporter(Path root) throws IOException {
        this.images = Files.createDirectories(root.resolve("images"));
        this.labels = Files.createDirectories(root.resolve("labels"));
        this.distractors = Files.createDirectories(root.resolve("distractors"));
        StringBuilder yaml = new StringBuilder("# Loupe synthetic sticky-trap tiles (loupe samples --domain pest --yolo)\n")
                .append("# ").append(TILE).append("x").append(TILE).append(" tiles of the full-size captures, stride ")
                .append(STRIDE).append(" px\n")
                .append("path: .\ntrain: images\nval: images\nnames:\n");
        for (Species s : Species.values()) {
            yaml.append("  ").append(s.ordinal()).append(": ").append(s.label()).append('\n');
        }
        Path data = root.resolve("data.yaml");
        Files.writeString(data, yaml.toString(), StandardCharsets.UTF_8);
        written.add(data);
    }

    /** @return the tile origins along an image side of {@code length} pixels */
    public static List<Integer> origins(int length) {
        List<Integer> at = new ArrayList<>();
        if (length <= TILE) {
            at.add(0);
            return at;
        }
        for (int o = 0; o + TILE < length; o += STRIDE) {
            at.add(o);
        }
        at.add(length - TILE);
        return at;
    }

    /**
     * Writes the tiles of capture {@code capture} ({@code image} is the capture as decoded from its JPEG) with their
     * labels and distractors.
     */
    public void write(int capture, Mat image, List<InsectTruth> insects, List<DebrisPlan> debris) throws IOException {
        if (image.cols() < TILE || image.rows() < TILE) {
            throw new IllegalArgumentException("capture " + capture + " is " + image.cols() + "x" + image.rows()
                    + ", smaller than one " + TILE + " px tile");
        }
        for (int y : origins(image.rows())) {
            for (int x : origins(image.cols())) {
                String name = String.format(Locale.ROOT, "%04d_x%04d_y%04d", capture, x, y);
                Path file = images.resolve(name + ".jpg");
                try (Rect r = new Rect(x, y, TILE, TILE); Mat tile = image.apply(r);
                     IntPointer params = new IntPointer(IMWRITE_JPEG_QUALITY, JPEG_QUALITY)) {
                    if (!imwrite(file.toString(), tile, params)) {
                        throw new IOException("OpenCV could not write " + file + "; check that the folder is writable");
                    }
                }
                Path label = labels.resolve(name + ".txt");
                Files.writeString(label, labels(new Box(x, y, TILE, TILE), insects), StandardCharsets.UTF_8);
                Path distractor = distractors.resolve(name + ".txt");
                Files.writeString(distractor, distractors(new Box(x, y, TILE, TILE), debris), StandardCharsets.UTF_8);
                written.add(file);
                written.add(label);
                written.add(distractor);
            }
        }
    }

    static String labels(Box tile, List<InsectTruth> insects) {
        StringBuilder lines = new StringBuilder();
        for (InsectTruth insect : insects) {
            Box seen = insect.box().intersect(tile);
            if (seen.isEmpty() || seen.area() < MIN_VISIBLE * insect.box().area()) {
                continue;
            }
            lines.append(String.format(Locale.ROOT, "%d %.6f %.6f %.6f %.6f%n", insect.species().ordinal(),
                    (seen.x() - tile.x() + seen.width() / 2.0) / TILE, (seen.y() - tile.y() + seen.height() / 2.0) / TILE,
                    (double) seen.width() / TILE, (double) seen.height() / TILE));
        }
        return lines.toString();
    }

    static String distractors(Box tile, List<DebrisPlan> debris) {
        StringBuilder lines = new StringBuilder();
        for (DebrisPlan d : debris) {
            if (d.kind() == DebrisPlan.Kind.DUST || d.x() < tile.x() || d.y() < tile.y()
                    || d.x() >= tile.x() + tile.width() || d.y() >= tile.y() + tile.height()) {
                continue;
            }
            double side = Math.min(d.size(), TILE);
            lines.append(String.format(Locale.ROOT, "%s %.6f %.6f %.6f %.6f%n", d.kind().name().toLowerCase(Locale.ROOT),
                    (d.x() - tile.x()) / TILE, (d.y() - tile.y()) / TILE, side / TILE, side / TILE));
        }
        return lines.toString();
    }

    /** @return every file written so far */
    public List<Path> written() {
        return List.copyOf(written);
    }
}
