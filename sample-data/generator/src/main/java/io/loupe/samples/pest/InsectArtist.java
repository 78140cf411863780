package io.loupe.samples.pest;

import io.loupe.samples.core.Colour;
import io.loupe.samples.pest.truth.Species;
import java.util.SplittableRandom;
import org.bytedeco.opencv.opencv_core.RNG;

/**
 * Draws each species the way it looks on a sticky card seen from above, head towards {@code +u}, body about one unit
 * long, then scales it so that the longer side of its box is the planned size. The look varies per insect (colour,
 * proportions, leg and wing spread) from the plan's look seed only.
 */
public final class InsectArtist {

    private static final int FIT_ROUNDS = 3;

    private InsectArtist() {
    }

    /** @return the insect drawn at its planned size and angle; the caller closes it */
    public static InsectSprite draw(InsectPlan plan) {
        double scale = plan.size() / nominalExtent(plan.species());
        InsectSprite sprite = null;
        for (int round = 0; round < FIT_ROUNDS; round++) {
            if (sprite != null) {
                sprite.close();
            }
            sprite = drawAt(plan, scale);
            int longer = Math.max(sprite.box().width(), sprite.box().height());
            if (Math.abs(longer - plan.size()) <= 1 && longer >= plan.species().minSize()
                    && longer <= plan.species().maxSize()) {
                break;
            }
            scale *= plan.size() / (double) Math.max(1, longer);
        }
        return sprite;
    }

    private static InsectSprite drawAt(InsectPlan plan, double scale) {
        SplittableRandom look = new SplittableRandom(plan.lookSeed());
        try (Sketch sketch = new Sketch(scale, plan.angle()); RNG grain = new RNG(look.nextLong())) {
            switch (plan.species()) {
                case WHITEFLY -> whitefly(sketch, look);
                case APHID -> aphid(sketch, look, grain);
                case THRIPS -> thrips(sketch, look);
                case FUNGUS_GNAT -> fungusGnat(sketch, look);
                case MOTH -> moth(sketch, look, grain);
            }
            return sketch.toSprite(plan.species());
        }
    }

    /** Rough longer box side of each species' drawing in units, for the first guess of the scale. */
    private static double nominalExtent(Species species) {
        return switch (species) {
            case WHITEFLY -> 1.0;
            case APHID -> 1.25;
            case THRIPS -> 1.15;
            case FUNGUS_GNAT -> 1.3;
            case MOTH -> 1.1;
        };
    }

    /** Two powdery white wing lobes, roof-like, over a tiny dark body whose head peeks out in front. */
    private static void whitefly(Sketch s, SplittableRandom rng) {
        Colour wing = new Colour(238, 244, 243).vary(6, rng);
        Colour body = new Colour(45, 70, 90).vary(12, rng);
        double spread = rng.nextDouble(14, 26);
        double[] l = s.light();
        s.ellipse(0.16, 0, 0.2, 0.09, 0, body, 0.9, 0.02);
        for (int side = -1; side <= 1; side += 2) {
            s.ellipse(-0.08, side * 0.17, 0.42, 0.19, side * spread, wing, 0.96, 0.03);
        }
        s.stroke(new double[][] {{0.22, 0}, {-0.45, 0}}, s.px(0.8), wing.times(0.62), 0.7);
        s.ellipse(-0.08 + 0.08 * l[0], 0.08 * l[1], 0.3, 0.24, 0, new Colour(252, 255, 255), 0.4, 0.08);
        s.ellipse(0.42, 0, 0.09, 0.1, 0, body.times(0.8), 0.95, 0.02);
        for (int side = -1; side <= 1; side += 2) {
            s.ellipse(0.44, side * 0.06, 0.035, 0.035, 0, new Colour(40, 40, 120), 0.8, 0);
        }
    }

    /** A pear-shaped green or olive body with legs, two cornicles at the rear and, usually, long antennae. */
    private static void aphid(Sketch s, SplittableRandom rng, RNG grain) {
        Colour[] palette = {new Colour(70, 160, 100), new Colour(55, 130, 95), new Colour(60, 125, 120),
            new Colour(80, 175, 150)};
        Colour body = palette[rng.nextInt(palette.length)].vary(12, rng);
        Colour dark = body.times(0.45);
        double legSpread = rng.nextDouble(0.8, 1.2);
        double thin = s.px(0.75);
        for (int side = -1; side <= 1; side += 2) {
            for (int k = 0; k < 3; k++) {
                double u0 = 0.2 - 0.1 * k;
                double out = (0.35 + 0.05 * k) * legSpread;
                double forward = (0.12 - 0.14 * k) * legSpread;
                s.stroke(new double[][] {{u0, side * 0.12}, {u0 + forward * 0.6, side * out * 0.7},
                    {u0 + forward, side * out}}, thin, dark, 0.75);
            }
            s.stroke(new double[][] {{-0.3, side * 0.12}, {-0.47, side * 0.2}}, s.px(1.1), dark.times(0.7), 0.9);
        }
        if (rng.nextDouble() < 0.75) {
            double reach = rng.nextDouble(0.25, 0.45);
            for (int side = -1; side <= 1; side += 2) {
                s.stroke(new double[][] {{0.42, side * 0.05}, {0.55, side * 0.14}, {0.55 + reach * 0.5,
                    side * (0.14 + reach * 0.6)}}, s.px(0.6), dark, 0.6);
            }
        }
        s.ellipse(-0.1, 0, 0.42, 0.26, 0, body, 1, 0.02);
        s.ellipse(0.3, 0, 0.15, 0.11, 0, body.times(0.88), 1, 0.02);
        s.texture(0.05, 0.05, grain);
        double[] l = s.light();
        s.ellipse(-0.1 + 0.12 * l[0], 0.1 * l[1], 0.2, 0.14, 0, body.mix(new Colour(235, 255, 240), 0.5), 0.55, 0.1);
        s.ellipse(0.41, 0.05, 0.03, 0.03, 0, new Colour(30, 30, 80), 0.8, 0);
        s.ellipse(0.41, -0.05, 0.03, 0.03, 0, new Colour(30, 30, 80), 0.8, 0);
    }

    /** Slender and dark brown, 3–4 px wide, segmented, with fringed wings folded along the abdomen. */
    private static void thrips(Sketch s, SplittableRandom rng) {
        Colour body = new Colour(35, 52, 78).vary(10, rng);
        double half = s.px(rng.nextDouble(1.5, 2.0));
        double thin = s.px(0.6);
        for (int side = -1; side <= 1; side += 2) {
            for (int k = 0; k < 3; k++) {
                double u0 = 0.28 - 0.1 * k;
                s.stroke(new double[][] {{u0, side * half * 0.8}, {u0 + 0.03 - 0.04 * k, side * (half + s.px(1.2))}},
                        thin, body.times(0.8), 0.4);
            }
            s.stroke(new double[][] {{0.48, side * half * 0.3}, {0.6, side * half * 1.2}}, thin, body, 0.6);
        }
        s.ellipse(0.41, 0, 0.08, half * 0.85, 0, body.times(0.85), 1, 0.01);
        s.ellipse(0.24, 0, 0.12, half, 0, body, 1, 0.01);
        s.ellipse(-0.17, 0, 0.35, half * 0.95, 0, body.times(1.05), 1, 0.01);
        double wing = rng.nextDouble(0, 6);
        for (int side = -1; side <= 1; side += 2) {
            s.stroke(new double[][] {{0.15, side * half * 0.3},
                {-0.45, side * (half * 0.3 + Math.tan(Math.toRadians(wing)) * 0.6)}}, s.px(0.9),
                    new Colour(125, 140, 150), 0.45);
        }
        for (int k = 0; k < 5; k++) {
            double u = -0.02 - 0.09 * k;
            s.stroke(new double[][] {{u, -half}, {u, half}}, s.px(0.5), body.times(0.6), 0.35);
        }
        double[] l = s.light();
        s.ellipse(-0.1, half * 0.4 * Math.signum(l[1]), 0.3, half * 0.35, 0, body.times(1.6), 0.35, 0.03);
    }

    /** A dark, slender fly with two clear greyish wings folded back in a V, long legs and long antennae. */
    private static void fungusGnat(Sketch s, SplittableRandom rng) {
        Colour body = new Colour(32, 33, 38).vary(6, rng);
        Colour wing = new Colour(175, 175, 170).vary(10, rng);
        double thin = s.px(0.7);
        double legSpread = rng.nextDouble(0.85, 1.15);
        for (int side = -1; side <= 1; side += 2) {
            for (int k = 0; k < 3; k++) {
                double u0 = 0.2 - 0.06 * k;
                double dir = Math.toRadians((60 + 45 * k) * legSpread);
                double knee = 0.17;
                double foot = 0.21;
                double ku = u0 + knee * Math.cos(dir);
                double kv = side * (0.06 + knee * Math.sin(dir));
                double bend = dir + Math.toRadians(25);
                s.stroke(new double[][] {{u0, side * 0.05}, {ku, kv},
                    {ku + foot * Math.cos(bend), kv + side * foot * Math.sin(bend)}}, thin, body, 0.6);
            }
            s.stroke(new double[][] {{0.36, side * 0.03}, {0.48, side * 0.1}, {0.58, side * 0.2}}, thin, body, 0.7);
        }
        double open = rng.nextDouble(18, 34);
        for (int side = -1; side <= 1; side += 2) {
            double a = Math.toRadians(180 - open);
            double cu = 0.16 + 0.36 * Math.cos(a);
            double cv = side * (0.05 + 0.36 * Math.sin(a));
            s.ellipse(cu, cv, 0.38, 0.12, side * (180 - open), wing, 0.38, 0.01);
            s.stroke(new double[][] {{0.16, side * 0.05},
                {0.16 + 0.72 * Math.cos(a), side * (0.05 + 0.72 * Math.sin(a))}}, s.px(0.6), body.times(1.8), 0.35);
        }
        s.ellipse(-0.16, 0, 0.3, 0.075, 0, body.times(1.15), 0.97, 0.01);
        s.ellipse(0.14, 0, 0.13, 0.095, 0, body, 1, 0.01);
        s.ellipse(0.3, 0, 0.06, 0.06, 0, body.times(0.8), 1, 0.01);
        for (int k = 0; k < 4; k++) {
            double u = -0.06 - 0.09 * k;
            s.stroke(new double[][] {{u, -0.07}, {u, 0.07}}, s.px(0.5), body.times(1.9), 0.3);
        }
        double[] l = s.light();
        s.ellipse(0.14 + 0.05 * l[0], 0.04 * l[1], 0.06, 0.04, 0, new Colour(150, 150, 150), 0.5, 0.02);
    }

    /** A small moth with wings folded into a brown delta, darker cross bands, spots and a pale fringe. */
    private static void moth(Sketch s, SplittableRandom rng, RNG grain) {
        Colour[] palette = {new Colour(40, 75, 125), new Colour(50, 85, 115), new Colour(38, 62, 98),
            new Colour(65, 100, 140)};
        Colour wing = palette[rng.nextInt(palette.length)].vary(10, rng);
        Colour dark = wing.times(0.5);
        double width = rng.nextDouble(0.34, 0.44);
        double thin = s.px(0.7);
        for (int side = -1; side <= 1; side += 2) {
            s.stroke(new double[][] {{0.4, side * 0.04}, {0.55, side * 0.12}, {0.66, side * 0.22}}, thin, dark, 0.7);
        }
        double[][] delta = {{0.38, 0}, {0.12, width * 0.6}, {-0.3, width}, {-0.48, width * 0.8}, {-0.52, 0},
            {-0.48, -width * 0.8}, {-0.3, -width}, {0.12, -width * 0.6}};
        double[][] fringe = {{-0.3, width * 1.08}, {-0.5, width * 0.86}, {-0.56, 0}, {-0.5, -width * 0.86},
            {-0.3, -width * 1.08}};
        s.polygon(new double[][] {{0.1, width * 0.6}, {-0.3, width * 1.08}, {-0.5, width * 0.86}, {-0.56, 0},
            {-0.5, -width * 0.86}, {-0.3, -width * 1.08}, {0.1, -width * 0.6}}, wing.mix(new Colour(120, 160, 190), 0.4),
                0.55, 0.01);
        s.polygon(delta, wing, 1, 0.01);
        s.texture(0.08, 0.03, grain);
        for (double band : new double[] {0.0, -0.28}) {
            double w = width * (band == 0 ? 0.55 : 0.85);
            s.stroke(new double[][] {{band + 0.05, -w}, {band - 0.03, 0}, {band + 0.05, w}}, s.px(1.3), dark, 0.55);
        }
        for (int side = -1; side <= 1; side += 2) {
            s.ellipse(-0.14, side * width * 0.45, 0.05, 0.04, 0, dark.times(0.8), 0.7, 0.01);
            if (rng.nextBoolean()) {
                s.ellipse(-0.38, side * width * 0.55, 0.04, 0.035, 0, dark.times(0.8), 0.6, 0.01);
            }
        }
        s.stroke(fringe, s.px(0.8), wing.mix(new Colour(150, 185, 215), 0.5), 0.4);
        s.ellipse(0.2, 0, 0.12, 0.08, 0, wing.times(0.75), 0.9, 0.01);
        s.ellipse(0.36, 0, 0.06, 0.06, 0, dark, 1, 0.01);
        double[] l = s.light();
        s.ellipse(-0.1 + 0.1 * l[0], 0.12 * l[1], 0.25, 0.14, 0, wing.mix(new Colour(150, 190, 230), 0.4), 0.25, 0.12);
    }
}
