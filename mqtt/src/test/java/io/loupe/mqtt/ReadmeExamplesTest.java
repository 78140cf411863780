package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.loupe.mqtt.payload.PayloadSchemas;
import org.junit.jupiter.api.Test;

/** Every JSON example in mqtt/README.md validates against the schema it names, and every schema has an example. */
class ReadmeExamplesTest {

    private static final Pattern JSON_BLOCK = Pattern.compile("```json\\n(.*?)```", Pattern.DOTALL);

    @Test
    void readmeExamples_validateAgainstTheirSchemas_oneForEveryKind() throws Exception {
        // Surefire runs in the module folder
        Path readme = Path.of("README.md");
        assertTrue(Files.isRegularFile(readme), "mqtt/README.md is missing (working directory "
                + Path.of("").toAbsolutePath() + ")");
        Matcher m = JSON_BLOCK.matcher(Files.readString(readme));
        ObjectMapper json = new ObjectMapper();
        Set<String> seen = new HashSet<>();
        List<String> problems = new ArrayList<>();
        while (m.find()) {
            String example = m.group(1);
            String schema = json.readTree(example).path("schema").asText();
            seen.add(schema);
            for (String p : PayloadSchemas.validate(schema, example.getBytes(StandardCharsets.UTF_8))) {
                problems.add(schema + ": " + p);
            }
        }
        assertEquals(List.of(), problems);
        assertEquals(Set.copyOf(PayloadSchemas.ids()), seen);
    }
}
