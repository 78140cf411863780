package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TopicsTest {

    private final Topics topics = new Topics("plant-a", "cam-3");

    @Test
    void topics_followTheContractOfDesignSection6() {
        assertEquals("loupe/plant-a/cam-3", topics.root());
        assertEquals("loupe/plant-a/cam-3/#", topics.all());
        assertEquals("loupe/plant-a/cam-3/status", topics.status());
        assertEquals("loupe/plant-a/cam-3/status/birth", topics.birth());
        assertEquals("loupe/plant-a/cam-3/defect/result", topics.result("defect"));
        assertEquals("loupe/plant-a/cam-3/pest/event", topics.event("pest"));
        assertEquals("loupe/plant-a/cam-3/gait/stats", topics.stats("gait"));
        assertEquals("loupe/plant-a/cam-3/defect/threshold/set", topics.set("defect", "threshold"));
        assertEquals("loupe/plant-a/cam-3/defect/threshold/state", topics.state("defect", "threshold"));
        assertEquals("loupe/plant-a/cam-3/defect/error", topics.error("defect"));
        assertEquals("loupe/plant-a/cam-3/+/+/set", topics.commandFilter());
    }

    @Test
    void topicClass_ofEachContractTopic() {
        assertEquals(TopicClass.RESULT, TopicClass.of(topics.result("p")));
        assertEquals(TopicClass.EVENT, TopicClass.of(topics.event("p")));
        assertEquals(TopicClass.STATS, TopicClass.of(topics.stats("p")));
        assertEquals(TopicClass.STATE, TopicClass.of(topics.state("p", "s")));
        assertEquals(TopicClass.ERROR, TopicClass.of(topics.error("p")));
        assertEquals(TopicClass.STATUS, TopicClass.of(topics.status()));
        assertEquals(TopicClass.STATUS, TopicClass.of(topics.birth()));
        assertEquals(TopicClass.OTHER, TopicClass.of(topics.set("p", "s")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"line/1", "line+1", "line#1"})
    void site_withSeparatorOrWildcard_isRejectedNamingValueAndFix(String site) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Topics(site, "n"));
        assertTrue(e.getMessage().startsWith("site \"" + site + "\" contains '" + site.charAt(4) + "'"),
                e.getMessage());
        assertTrue(e.getMessage().contains("use letters, digits, '-' or '_', e.g. \"line-1\""), e.getMessage());
    }

    @Test
    void node_empty_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Topics("s", ""));
        assertTrue(e.getMessage().startsWith("node must not be empty"), e.getMessage());
    }

    @Test
    void node_null_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Topics("s", null));
        assertTrue(e.getMessage().startsWith("node must not be null"), e.getMessage());
    }

    @Test
    void pipeline_withWildcard_isRejectedNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> topics.result("a/#"));
        assertTrue(e.getMessage().startsWith("pipeline \"a/#\" contains '/'"), e.getMessage());
    }

    @Test
    void pipeline_empty_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> topics.stats(""));
        assertTrue(e.getMessage().startsWith("pipeline must not be empty"), e.getMessage());
    }

    @Test
    void pipeline_namedStatus_isReservedForTheNodeStatus() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> topics.result("status"));
        assertTrue(e.getMessage().contains("pipeline name \"status\" is reserved"), e.getMessage());
    }

    @Test
    void setting_withPlus_isRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> topics.set("defect", "+"));
        assertTrue(e.getMessage().startsWith("setting \"+\" contains '+'"), e.getMessage());
    }
}
