package io.loupe.samples;

/** A command line the generator cannot run; the message names the flag and the fix. */
public final class UsageException extends Exception {

    public UsageException(String message) {
        super(message);
    }
}
