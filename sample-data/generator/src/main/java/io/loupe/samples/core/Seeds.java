package io.loupe.samples.core;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Derives independent, reproducible random streams from one master seed and a stream name, so that adding a stream
 * (say, good-part images) never shifts the values another stream (the video) draws.
 */
public final class Seeds {

    private Seeds() {
    }

    /** @return a 64-bit seed determined only by {@code seed} and {@code stream} */
    public static long derive(long seed, String stream) {
        long hash = 0xcbf29ce484222325L; // FNV-1a 64 over the stream name's UTF-8 bytes
        for (byte b : stream.getBytes(StandardCharsets.UTF_8)) {
            hash = (hash ^ (b & 0xff)) * 0x100000001b3L;
        }
        return mix(mix(seed) ^ hash);
    }

    /** @return a random generator for {@code stream} under {@code seed} */
    public static SplittableRandom random(long seed, String stream) {
        return new SplittableRandom(derive(seed, stream));
    }

    /** SplitMix64's finaliser: a bijective scramble of all 64 bits. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
