package io.loupe.models.preprocess;

/**
 * The pre-processing keys a manifest sets; null means "not set, keep the decoder's default".
 *
 * @param resize null when absent
 * @param color null when absent
 * @param scale null when absent
 * @param mean null when absent
 * @param std null when absent
 * @param padValue null when absent
 */
public record PreprocessOverrides(ResizeMode resize, ColorOrder color, Float scale, ChannelValues mean,
        ChannelValues std, Integer padValue) {

    /** Nothing overridden. */
    public static final PreprocessOverrides NONE = new PreprocessOverrides(null, null, null, null, null, null);

    /**
     * {@code base} with the values set here replacing its own.
     *
     * @throws IllegalArgumentException when the combination is invalid (see {@link Preprocessing})
     */
    public Preprocessing applyTo(Preprocessing base) {
        return new Preprocessing(resize != null ? resize : base.resize(), color != null ? color : base.color(),
                scale != null ? scale : base.scale(), mean != null ? mean : base.mean(),
                std != null ? std : base.std(), padValue != null ? padValue : base.padValue());
    }

    /** True when no key is set. */
    public boolean isEmpty() {
        return equals(NONE);
    }
}
