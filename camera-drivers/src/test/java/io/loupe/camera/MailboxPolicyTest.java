package io.loupe.camera;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MailboxPolicyTest {

    @Test
    void parse_acceptedForms_giveTheirPolicies() {
        assertEquals(new MailboxPolicy.Latest(), MailboxPolicy.parse("latest"));
        assertEquals(new MailboxPolicy.Queue(8), MailboxPolicy.parse("queue(8)"));
        assertEquals(new MailboxPolicy.All(MailboxPolicy.DEFAULT_ALL_CAPACITY), MailboxPolicy.parse("all"));
        assertEquals(new MailboxPolicy.All(16), MailboxPolicy.parse(" ALL( 16 ) "));
        assertEquals(1, MailboxPolicy.parse("latest").capacity());
    }

    @Test
    void toString_isTheConfigurationForm() {
        for (String form : new String[] {"latest", "queue(3)", "all(4)"}) {
            assertEquals(form, MailboxPolicy.parse(form).toString());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"newest", "queue", "queue(0)", "queue(-1)", "all(x)", "queue(99999999999)", ""})
    void parse_otherText_namesTheValueAndTheAcceptedForms(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MailboxPolicy.parse(text));

        assertTrue(e.getMessage().contains("'" + text + "'") || e.getMessage().contains(text), e.getMessage());
        assertTrue(e.getMessage().contains("queue(") , e.getMessage());
    }
}
