package io.loupe.samples.gait;

import io.loupe.samples.core.Colour;
import java.util.SplittableRandom;

/**
 * How a walker looks: skin, hair, clothes and shoes.
 *
 * @param skin         skin colour
 * @param hair         hair colour
 * @param top          shirt or jumper colour
 * @param trousers     trousers colour
 * @param shoes        shoe colour
 * @param longSleeves  whether the forearms are covered
 */
public record Appearance(Colour skin, Colour hair, Colour top, Colour trousers, Colour shoes, boolean longSleeves) {

    private static final Colour[] SKIN = {new Colour(165, 190, 228), new Colour(128, 158, 205),
        new Colour(100, 132, 178), new Colour(70, 95, 138), new Colour(50, 66, 98)};
    private static final Colour[] HAIR = {new Colour(30, 30, 35), new Colour(40, 60, 90), new Colour(90, 150, 200),
        new Colour(170, 170, 175), new Colour(215, 215, 220), new Colour(35, 45, 70)};
    private static final Colour[] TOPS = {new Colour(160, 90, 40), new Colour(60, 60, 170), new Colour(200, 200, 205),
        new Colour(70, 120, 60), new Colour(40, 40, 45), new Colour(150, 110, 160), new Colour(60, 160, 200),
        new Colour(120, 120, 125), new Colour(170, 140, 100)};
    private static final Colour[] TROUSERS = {new Colour(90, 50, 30), new Colour(40, 40, 45), new Colour(90, 90, 95),
        new Colour(110, 150, 175), new Colour(60, 70, 50), new Colour(130, 80, 50)};
    private static final Colour[] SHOES = {new Colour(25, 25, 28), new Colour(35, 50, 75), new Colour(225, 225, 228),
        new Colour(80, 80, 85)};

    /** @return a look drawn from {@code rng} */
    public static Appearance draw(SplittableRandom rng) {
        return new Appearance(pick(SKIN, rng).vary(8, rng), pick(HAIR, rng).vary(6, rng), pick(TOPS, rng).vary(15, rng),
                pick(TROUSERS, rng).vary(10, rng), pick(SHOES, rng).vary(6, rng), rng.nextBoolean());
    }

    private static Colour pick(Colour[] palette, SplittableRandom rng) {
        return palette[rng.nextInt(palette.length)];
    }
}
