package io.loupe.models.tflite;

/** TFLite's {@code enum ActivationFunctionType}, fused into convolutions, pools and arithmetic. */
enum FusedActivation {
    NONE,
    RELU,
    RELU_N1_TO_1,
    RELU6,
    TANH,
    SIGN_BIT;

    static FusedActivation of(int code) {
        FusedActivation[] all = values();
        if (code < 0 || code >= all.length) {
            throw new IllegalArgumentException("unknown ActivationFunctionType " + code);
        }
        return all[code];
    }
}
