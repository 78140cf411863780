package io.loupe.models.tflite;

/** A flatbuffer offset or vector points past the end of the file: the file is truncated or corrupt. */
final class TruncatedFlatbufferException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    TruncatedFlatbufferException(String what) {
        super(what + " lies past the end of the file");
    }
}
