package io.loupe.mqtt.command;

/**
 * Applies commands received over MQTT; the appliance implements it and registers it with
 * {@link io.loupe.mqtt.MqttLink#handleCommands}. Called on one thread ({@code loupe-mqtt-command-1}), one command at
 * a time, never on Paho's callback thread; it may take a while (a snapshot) without stalling the link, but commands
 * queue behind it.
 *
 * <p>Contract: all or nothing. Either the whole command is applied and the value now in force is returned, or nothing
 * changed and {@link CommandRejected} says why. Check everything (pipeline, setting, type, range, every field of an
 * object payload) before changing anything. An unchecked exception is reported as {@link CommandError#FAILED}, so
 * the handler must not have changed anything before it.
 */
public interface CommandHandler {

    /**
     * @param command checked by the link: not retained, allowed by the ACL, well-formed JSON
     * @return the value now in force, published retained on {@code …/<setting>/state}
     * @throws CommandRejected when nothing was applied: unknown pipeline or setting, invalid value, refused
     */
    CommandResult handle(Command command) throws CommandRejected;
}
