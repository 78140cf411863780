package io.loupe.models.tflite;

/**
 * One operator of the main subgraph, in execution order.
 *
 * @param index position in the subgraph
 * @param code builtin operator code ({@link BuiltinOps}); {@link BuiltinOps#CUSTOM} for custom operators
 * @param customName the custom operator's name, or null
 * @param version the operator version
 * @param inputs tensor indices, -1 for an optional input left out
 * @param outputs tensor indices
 * @param options the builtin options (all defaults when absent)
 */
record TfliteOp(int index, int code, String customName, int version, int[] inputs, int[] outputs,
        TflOptions options) {

    /** The operator's schema name, or the custom name. */
    String name() {
        return code == BuiltinOps.CUSTOM && customName != null ? "CUSTOM '" + customName + "'" : BuiltinOps.name(code);
    }
}
