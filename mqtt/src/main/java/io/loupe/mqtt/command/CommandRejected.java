package io.loupe.mqtt.command;

import java.util.Objects;

/**
 * Thrown by a {@link CommandHandler} that applied nothing: the link publishes the error and the reason on
 * {@code …/<pipeline>/error}. The reason names the offending value and the fix, e.g. {@code "minScore 1.7 is out of
 * range: use 0..1"}.
 */
public class CommandRejected extends Exception {

    private static final long serialVersionUID = 1L;

    private final CommandError error;

    public CommandRejected(CommandError error, String reason) {
        super(reason);
        this.error = Objects.requireNonNull(error, "error");
    }

    public CommandError error() {
        return error;
    }

    public String reason() {
        return getMessage();
    }

    public static CommandRejected unknownPipeline(String reason) {
        return new CommandRejected(CommandError.UNKNOWN_PIPELINE, reason);
    }

    public static CommandRejected unknownSetting(String reason) {
        return new CommandRejected(CommandError.UNKNOWN_SETTING, reason);
    }

    public static CommandRejected invalidValue(String reason) {
        return new CommandRejected(CommandError.INVALID_VALUE, reason);
    }

    public static CommandRejected refused(String reason) {
        return new CommandRejected(CommandError.REFUSED, reason);
    }
}
