package io.loupe.mqtt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.loupe.mqtt.payload.CommandErrorPayload;
import io.loupe.mqtt.payload.CommandStatePayload;
import io.loupe.mqtt.payload.ModelPayload;
import io.loupe.mqtt.payload.PayloadJson;
import io.loupe.mqtt.payload.PayloadSchemas;
import io.loupe.mqtt.payload.PipelineEventPayload;
import io.loupe.mqtt.payload.PipelineStatsPayload;
import org.junit.jupiter.api.Test;

/**
 * Every payload kind against its JSON Schema: the appliance's result and birth exactly as it writes them today (the
 * README examples), the records this module defines as {@link PayloadJson} writes them, and what a broken payload is
 * told.
 */
class PayloadSchemasTest {

    static final String SHA = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";
    static final Instant TS = Instant.parse("2026-11-27T03:40:12.345Z");
    static final ModelPayload MODEL = new ModelPayload("dark-defect", "dark-defect", "1", SHA, "CPU");

    /** As the appliance's DefectPayload is written by its Json (snake_case, ISO timestamps, nulls kept). */
    static final String RESULT = """
            {"schema":"loupe.defect.result/1","seq":42,"ts":"2026-11-27T03:40:12.345Z","site":"demo-site",
             "node":"demo-box","pipeline":"line1-defects","camera":"line1",
             "frame":{"seq":118,"pts_us":4720000,"captured_at":"2026-11-27T03:40:12.331Z","width":640,"height":480},
             "model":{"id":"dark-defect","name":"dark-defect","version":null,"sha256":"%s","provider":"CPU"},
             "part_id":"P7","mode":"PRESENCE","part_box":[262,180,96,84],
             "verdict":"NG","reasons":["defect 0.91 >= 0.50"],
             "defects":[{"label":"defect","class_id":0,"score":0.91,"box":[301.0,212.5,322.0,230.0],
                         "box_norm":[0.47031,0.44271,0.50313,0.47917],"size_px":21.0,"size_mm":null,
                         "area_px":367.5,"source":"detector"}],
             "ignored":0,"anomaly":null,"since":"2026-11-27T03:40:12.331Z","deadline_ms":500,"timing":"ON_TIME",
             "reject":true,"ng_image":null,"latency_ms":14.2}
            """.formatted(SHA);

    /** As the appliance's BirthPayload is written, one model loaded and one failed. */
    static final String BIRTH = """
            {"schema":"loupe.status.birth/1","ts":"2026-11-27T03:40:00Z","site":"demo-site","node":"demo-box",
             "version":"0.1.0","cameras":[{"id":"line1","url":"file:sample-data/defect/conveyor.mp4"}],
             "models":[{"id":"dark-defect","name":"dark-defect","version":"1","sha256":"%s","provider":"CPU",
                        "provider_notes":["CUDA: not in this build"],"error":null},
                       {"id":"broken","name":null,"version":null,"sha256":null,"provider":null,
                        "provider_notes":[],"error":"models.broken.path x.onnx does not exist"}],
             "pipelines":[{"id":"line1-defects","type":"defect","camera":"line1","model":"dark-defect",
                           "state":"RUNNING"}]}
            """.formatted(SHA);

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static PipelineStatsPayload stats() {
        return new PipelineStatsPayload(PipelineStatsPayload.SCHEMA, 7, TS, "demo-site", "demo-box", "line1-defects",
                "line1", MODEL, "RUNNING", 10.0, 3600.5, new PipelineStatsPayload.Frames(90_000, 120), 25.0,
                new PipelineStatsPayload.Latency(14.2, 31.0, 40.1), 90_000,
                new PipelineStatsPayload.Verdicts(88_650, 1_350), 0.985,
                List.of(new PipelineStatsPayload.LabelCount("defect", 1_400)),
                PipelineStatsPayload.Outbox.of(new OutboxStats(3, 1_800, 0, 0, 0, 0)));
    }

    static PipelineEventPayload event(PipelineEventPayload.Type type, Instant endedAt) {
        return new PipelineEventPayload(PipelineEventPayload.SCHEMA, 3, TS, "demo-site", "demo-box",
                "line1-defects", "line1", MODEL, "line1-defects-ng-streak-17", type, "ng_streak",
                PipelineEventPayload.Severity.WARNING, "5 NG parts in a row", TS.minusSeconds(4), endedAt,
                List.of(new PipelineEventPayload.Measure("ng_in_a_row", 5, "parts")));
    }

    @Test
    void result_asTheApplianceWritesIt_isValid_andStillValidWhenMarkedReplayed() {
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.DEFECT_RESULT, utf8(RESULT)));
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.DEFECT_RESULT, Replay.mark(utf8(RESULT))));
    }

    @Test
    void birth_asTheApplianceWritesIt_isValid() {
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.STATUS_BIRTH, utf8(BIRTH)));
    }

    @Test
    void stats_andEvent_asPayloadJsonWritesThem_areValid() {
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.PIPELINE_STATS, PayloadJson.bytes(stats())));
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.PIPELINE_EVENT,
                PayloadJson.bytes(event(PipelineEventPayload.Type.NEW, null))));
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.PIPELINE_EVENT,
                PayloadJson.bytes(event(PipelineEventPayload.Type.END, TS))));
        String json = new String(PayloadJson.bytes(stats()), StandardCharsets.UTF_8);
        assertTrue(json.contains("\"latency_ms\":{\"p50\":14.2"), json);
        assertTrue(json.contains("\"dropped_expired\":0"), json);
    }

    @Test
    void statsOfAPipelineWithoutVerdictsOrFrames_withNulls_isValid() {
        PipelineStatsPayload s = new PipelineStatsPayload(PipelineStatsPayload.SCHEMA, 0, TS, "a", "b", "pest",
                "trap1", null, "FAILED", 10.0, 0, new PipelineStatsPayload.Frames(0, 0), 0, null, 0, null, null,
                List.of(), PipelineStatsPayload.Outbox.of(new OutboxStats(0, 0, 0, 0, 0, 0)));
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.PIPELINE_STATS, PayloadJson.bytes(s)));
    }

    @Test
    void eventEnd_withoutEndedAt_isInvalid() {
        List<String> problems = PayloadSchemas.validate(PayloadSchemas.PIPELINE_EVENT,
                PayloadJson.bytes(event(PipelineEventPayload.Type.END, null)));
        assertFalse(problems.isEmpty());
        assertTrue(problems.toString().contains("ended_at"), problems.toString());
    }

    @Test
    void commandState_andError_areValid() {
        CommandStatePayload state = new CommandStatePayload(CommandStatePayload.SCHEMA, TS, "a", "b", "line1",
                "minScore", JsonNodeFactory.instance.numberNode(0.6));
        CommandErrorPayload error = new CommandErrorPayload(CommandErrorPayload.SCHEMA, TS, "a", "b", "line1",
                "minScore", "invalid_value", "minScore 1.7 is out of range: use 0..1", "1.7", 3, false);
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.COMMAND_STATE, PayloadJson.bytes(state)));
        assertEquals(List.of(), PayloadSchemas.validate(PayloadSchemas.COMMAND_ERROR, PayloadJson.bytes(error)));
    }

    @Test
    void result_missingAFieldAndWithAnUnknownOne_namesBoth() {
        String broken = RESULT.replace("\"latency_ms\":14.2", "\"latency\":14.2");
        List<String> problems = PayloadSchemas.validate(PayloadSchemas.DEFECT_RESULT, utf8(broken));
        String all = problems.toString();
        assertTrue(all.contains("latency_ms"), all);
        assertTrue(all.contains("latency"), all);
        assertEquals(2, problems.size(), all);
    }

    @Test
    void result_withABadTimestampAndAWrongSchemaId_isInvalid() {
        String broken = RESULT.replace("2026-11-27T03:40:12.345Z", "yesterday")
                .replace("loupe.defect.result/1", "loupe.defect.result/2");
        List<String> problems = PayloadSchemas.validate(PayloadSchemas.DEFECT_RESULT, utf8(broken));
        String all = problems.toString();
        assertTrue(all.contains("/ts") || all.contains("$.ts"), all);
        assertTrue(all.contains("schema"), all);
    }

    @Test
    void notJson_isOneProblemSayingSo() {
        List<String> problems = PayloadSchemas.validate(PayloadSchemas.STATUS_BIRTH, utf8("online"));
        assertEquals(1, problems.size());
        assertTrue(problems.get(0).startsWith("$: not JSON"), problems.get(0));
    }

    @Test
    void unknownSchemaId_isRejectedListingTheKnownOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> PayloadSchemas.validate("loupe.weather.result/1", utf8("{}")));
        assertTrue(e.getMessage().contains("loupe.defect.result/1"), e.getMessage());
    }

    @Test
    void everySchema_isOnTheClassPathUnderItsDocumentedName() {
        for (String id : PayloadSchemas.ids()) {
            String resource = PayloadSchemas.resource(id);
            assertTrue(getClass().getClassLoader().getResource(resource) != null, resource);
        }
        assertEquals("schemas/loupe.defect.result.v1.json", PayloadSchemas.resource(PayloadSchemas.DEFECT_RESULT));
    }
}
