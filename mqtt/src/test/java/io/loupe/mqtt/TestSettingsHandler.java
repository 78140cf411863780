package io.loupe.mqtt;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.loupe.mqtt.command.Command;
import io.loupe.mqtt.command.CommandHandler;
import io.loupe.mqtt.command.CommandRejected;
import io.loupe.mqtt.command.CommandResult;

/**
 * A real, small command handler as the appliance would write one: pipeline {@code line1} with {@code minScore}
 * (0..1), {@code maxDefects} (integer ≥ 0), {@code enabled} (boolean) and {@code rules} (an object setting both
 * numbers at once, all or nothing). Records every command it was called with.
 */
final class TestSettingsHandler implements CommandHandler {

    final Map<String, JsonNode> values = new ConcurrentHashMap<>();
    final List<Command> calls = new CopyOnWriteArrayList<>();

    TestSettingsHandler() {
        values.put("minScore", JsonNodeFactory.instance.numberNode(0.5));
        values.put("maxDefects", JsonNodeFactory.instance.numberNode(3));
        values.put("enabled", JsonNodeFactory.instance.booleanNode(true));
    }

    @Override
    public CommandResult handle(Command c) throws CommandRejected {
        calls.add(c);
        if (!c.pipeline().equals("line1")) {
            throw CommandRejected.unknownPipeline("pipeline \"" + c.pipeline() + "\" does not exist on this node: use"
                    + " line1");
        }
        switch (c.setting()) {
            case "minScore" -> {
                checkScore("minScore", c.value());
                values.put("minScore", c.value());
                return CommandResult.applied(c.value());
            }
            case "maxDefects" -> {
                checkCount("maxDefects", c.value());
                values.put("maxDefects", c.value());
                return CommandResult.applied(c.value());
            }
            case "enabled" -> {
                if (!c.value().isBoolean()) {
                    throw CommandRejected.invalidValue("enabled " + c.value() + " is not a boolean: send true or"
                            + " false");
                }
                values.put("enabled", c.value());
                return CommandResult.applied(c.value());
            }
            case "rules" -> {
                // all or nothing: check every field, then apply
                if (!c.value().isObject()) {
                    throw CommandRejected.invalidValue("rules must be an object, e.g. {\"minScore\":0.5}");
                }
                JsonNode score = c.value().get("minScore");
                JsonNode count = c.value().get("maxDefects");
                if (score != null) {
                    checkScore("rules.minScore", score);
                }
                if (count != null) {
                    checkCount("rules.maxDefects", count);
                }
                if (score != null) {
                    values.put("minScore", score);
                }
                if (count != null) {
                    values.put("maxDefects", count);
                }
                ObjectNode now = JsonNodeFactory.instance.objectNode();
                now.set("minScore", values.get("minScore"));
                now.set("maxDefects", values.get("maxDefects"));
                return CommandResult.applied(now);
            }
            case "explode" -> throw new IllegalStateException("boom");
            default -> throw CommandRejected.unknownSetting("line1 has no setting \"" + c.setting() + "\": use"
                    + " minScore, maxDefects, enabled or rules");
        }
    }

    private static void checkScore(String name, JsonNode v) throws CommandRejected {
        if (!v.isNumber() || v.asDouble() < 0 || v.asDouble() > 1) {
            throw CommandRejected.invalidValue(name + " " + v + " is out of range: use a number in 0..1");
        }
    }

    private static void checkCount(String name, JsonNode v) throws CommandRejected {
        if (!v.isIntegralNumber() || v.asInt() < 0) {
            throw CommandRejected.invalidValue(name + " " + v + " must be a whole number ≥ 0");
        }
    }
}
