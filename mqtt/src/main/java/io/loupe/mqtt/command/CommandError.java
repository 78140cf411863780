package io.loupe.mqtt.command;

import java.util.Locale;

/** Why a command was rejected: the {@code error} field of {@code loupe.command.error/1}. */
public enum CommandError {
    /** The payload is not JSON (or empty); the link says what it expected. */
    MALFORMED,
    /** The command arrived with the retain flag: a retained command would be applied again at every reconnect. */
    RETAINED,
    /** The setting is not in the ACL ({@code mqtt.commandAcl}). */
    NOT_IN_ACL,
    /** No such pipeline on this node (handler). */
    UNKNOWN_PIPELINE,
    /** The pipeline has no such setting, or it cannot be changed at run time (handler). */
    UNKNOWN_SETTING,
    /** The value has the wrong type or is out of range (handler). */
    INVALID_VALUE,
    /** The handler refused it for another reason, e.g. the pipeline is in a state that forbids it (handler). */
    REFUSED,
    /** Too many commands waiting: send fewer at a time. */
    BUSY,
    /** The handler failed unexpectedly; see the appliance log. */
    FAILED;

    /** As written in the payload: {@code not_in_acl}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }
}
