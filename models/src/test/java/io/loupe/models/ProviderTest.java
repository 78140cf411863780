package io.loupe.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ProviderTest {

    @Test
    void parse_acceptsConfigNamesInAnyCase() {
        assertEquals(Provider.AUTO, Provider.parse("auto"));
        assertEquals(Provider.TENSORRT, Provider.parse(" TensorRT "));
        assertEquals(Provider.CUDA, Provider.parse("CUDA"));
        assertEquals(Provider.CPU, Provider.parse("cpu"));
    }

    @Test
    void parse_unknownValue_listsTheAcceptedOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Provider.parse("gpu"));
        assertEquals("Unknown execution provider 'gpu'; accepted values: auto, tensorrt, cuda, cpu", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Provider.parse(null));
    }
}
