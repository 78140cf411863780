package io.loupe.samples.pest.truth;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Collection;

/** How many insects of each species; serialised as an object keyed by species label. */
@JsonPropertyOrder({"whitefly", "aphid", "thrips", "fungus_gnat", "moth"})
public record SpeciesCounts(int whitefly, int aphid, int thrips,
                            @JsonProperty("fungus_gnat") int fungusGnat, int moth) {

    /** No insects. */
    public static final SpeciesCounts NONE = new SpeciesCounts(0, 0, 0, 0, 0);

    public SpeciesCounts {
        if ((whitefly | aphid | thrips | fungusGnat | moth) < 0) {
            throw new IllegalArgumentException("counts must not be negative, got " + whitefly + ", " + aphid + ", "
                    + thrips + ", " + fungusGnat + ", " + moth);
        }
    }

    /** @return the counts of {@code insects} by species */
    public static SpeciesCounts of(Collection<Species> insects) {
        int[] n = new int[Species.values().length];
        insects.forEach(s -> n[s.ordinal()]++);
        return new SpeciesCounts(n[0], n[1], n[2], n[3], n[4]);
    }

    /** @return the count of {@code species} */
    public int of(Species species) {
        return switch (species) {
            case WHITEFLY -> whitefly;
            case APHID -> aphid;
            case THRIPS -> thrips;
            case FUNGUS_GNAT -> fungusGnat;
            case MOTH -> moth;
        };
    }

    /** @return all insects */
    public int total() {
        return whitefly + aphid + thrips + fungusGnat + moth;
    }
}
