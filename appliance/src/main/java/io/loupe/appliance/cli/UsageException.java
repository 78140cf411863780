package io.loupe.appliance.cli;

/** The command line is wrong; the message names the flag and what was expected. */
public class UsageException extends Exception {
    public UsageException(String message) {
        super(message);
    }
}
