package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReplayTest {

    private static String mark(String payload) {
        return new String(Replay.mark(payload.getBytes(StandardCharsets.UTF_8)), StandardCharsets.UTF_8);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{\"seq\":1}|{\"replayed\":true,\"seq\":1}",
            "{}|{\"replayed\":true}",
            "{ }|{\"replayed\":true }",
            "{\"s\":\"é\"}|{\"replayed\":true,\"s\":\"é\"}"})
    void mark_jsonObject_insertsReplayedTrueAfterTheOpeningBrace(String payload, String expected) {
        assertEquals(expected, mark(payload));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"online", "[1,2]", "\"text\"", "42", "{unclosed"})
    void mark_notAJsonObject_isLeftAsItIs(String payload) {
        byte[] in = payload.getBytes(StandardCharsets.UTF_8);
        assertSame(in, Replay.mark(in));
    }

    @Test
    void mark_jsonObjectWithBlanksAround_keepsThem() {
        assertEquals("  {\"replayed\":true,\"a\":[1,2]}\n", mark("  {\"a\":[1,2]}\n"));
    }

    @Test
    void mark_emptyPayload_isLeftAsItIs() {
        byte[] in = new byte[0];
        assertSame(in, Replay.mark(in));
    }
}
