package io.loupe.models.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PythonLiteralTest {

    @Test
    void parse_ultralyticsNamesDict_keepsOrderAndBothQuoteStyles() {
        Object parsed = PythonLiteral.parse("{0: 'person', 1: \"people's\", 2: 'back\\\\slash', 3: 'tab\\there'}");
        assertEquals(Map.of(0L, "person", 1L, "people's", 2L, "back\\slash", 3L, "tab\there"), parsed);
        assertEquals(List.of(0L, 1L, 2L, 3L), List.copyOf(((Map<?, ?>) parsed).keySet()));
    }

    @Test
    void parse_listsTuplesNumbersAndConstants() {
        assertEquals(List.of(640L, 480L), PythonLiteral.parse("[640, 480]"));
        assertEquals(List.of(1L, 2L), PythonLiteral.parse("(1, 2,)"));
        assertEquals(Arrays.asList(true, false, null, 0.5, -3L), PythonLiteral.parse("[True, False, None, 0.5, -3]"));
        assertEquals(Map.of(), PythonLiteral.parse(" {} "));
        assertNull(PythonLiteral.parse("None"));
    }

    @Test
    void parse_brokenText_saysWhere() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("{0: 'person', 1 'car'}"));
        assertEquals("':' expected at position 16 of '{0: 'person', 1 'car'}'", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("{0: 'unterminated}"));
        assertThrows(IllegalArgumentException.class, () -> PythonLiteral.parse("[1, 2] extra"));
    }
}
