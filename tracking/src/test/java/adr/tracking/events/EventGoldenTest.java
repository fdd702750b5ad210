package adr.tracking.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import adr.spi.events.Event;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/**
 * Every event type against its golden JSON in {@code src/test/resources/golden}: the
 * encoding of schema 1 must not drift, and the golden files must keep decoding into the
 * payload records. Regenerate after a deliberate schema change with
 * {@code -Dadr.golden.write=true} (and bump {@link EventJson#SCHEMA}).
 */
class EventGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");
    private final EventJson json = new EventJson();

    static Map<EventType, EventPayload> samples() {
        Map<EventType, EventPayload> s = new EnumMap<>(EventType.class);
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("model", "cifarnet");
        config.put("epochs", "1");
        config.put("clustering-options.variant", "quantized");
        s.put(EventType.RUN_STARTED, new RunStarted("cifarnet", "fashion-mnist", "fixed", "lsh", config,
                List.of(new RunStarted.PluginUse("clustering", "lsh", "adr-lsh", "0.1.0", "1.0", "classpath",
                        Map.of("variant", "quantized"))), 1, 79,
                5000, 10000, "host-1", 4242, 10, false, 0, 0));
        s.put(EventType.EPOCH_STARTED, new EpochStarted(1, 79));
        s.put(EventType.STEP_METRICS, new StepMetrics(1, 10, 79, 9, 1.25, 0.02, 1180.5, List.of(
                new StepMetrics.LayerMetrics("conv1", "exact", 0, 0, 0, 1.0, Map.of()),
                new StepMetrics.LayerMetrics("conv2", "reuse", 25, 8, 5120, 0.125, Map.of("cluster", 0.004)))));
        s.put(EventType.REUSE_CONFIG_CHANGED, new ReuseConfigChanged("conv2", "exact", "L=25 H=8", "forward+weights",
                "fixed strategy: L=25 H=8", 1, 0));
        s.put(EventType.EVALUATION_COMPLETED, new EvaluationCompleted(1, 0.8605, 0.39, 10000));
        s.put(EventType.CHECKPOINT_SAVED, new CheckpointSaved(1, 79, "/runs/r/checkpoint"));
        s.put(EventType.HEARTBEAT, new Heartbeat(1, 40));
        s.put(EventType.RUN_COMPLETED, new RunCompleted(0.8605, 0.39, 31.5, 25.0, 800.0, 20000, 1, 313,
                Map.of("conv1", 1.0)));
        s.put(EventType.RUN_FAILED, new RunFailed("DataException", "idx file truncated", 1, 12));
        s.put(EventType.RUN_INTERRUPTED, new RunInterrupted("INT", 0, 12, "/runs/r/checkpoint"));
        return s;
    }

    private Event envelope(EventType type, EventPayload payload) {
        return new Event(EventJson.SCHEMA, "00000000-0000-0000-0000-00000000000" + type.ordinal(),
                "20261126-120000-ab12", type.ordinal(), type.wireName(), Instant.parse("2026-11-26T12:00:00.123Z"),
                json.toMap(payload));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void encodingMatchesTheGoldenFile(EventType type) throws IOException {
        EventPayload payload = samples().get(type);
        Path file = GOLDEN.resolve(type.wireName() + ".json");
        String encoded = json.encode(envelope(type, payload));
        if (Boolean.getBoolean("adr.golden.write")) {
            Files.writeString(file, encoded + "\n");
        }

        assertThat(Files.readString(file, StandardCharsets.UTF_8).strip()).isEqualTo(encoded);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void theGoldenFileDecodesIntoThePayloadRecord(EventType type) throws IOException {
        Event decoded = json.decode(Files.readString(GOLDEN.resolve(type.wireName() + ".json")));

        assertThat(EventType.fromWire(decoded.type())).contains(type);
        assertThat(json.payload(decoded, type.payloadType())).isEqualTo(samples().get(type));
        assertThat(decoded.seq()).isEqualTo(type.ordinal());
    }

    @Test
    void anEventOfAFutureTypeStillDecodesAsAnEnvelope() {
        String future = "{\"schema\":2,\"eventId\":\"e\",\"runId\":\"r\",\"seq\":5,\"type\":\"GradientNormsMeasured\","
                + "\"time\":\"2027-01-01T00:00:00Z\",\"payload\":{\"norms\":[1,2]},\"extra\":true}";

        Event event = json.decode(future);

        assertThat(event.type()).isEqualTo("GradientNormsMeasured");
        assertThat(EventType.fromWire(event.type())).isEmpty();
        assertThat(event.payload()).containsKey("norms");
    }

    @Test
    void extraPayloadFieldsFromANewerWriterAreIgnored() {
        Event event = new Event(1, "e", "r", 0, "Heartbeat", Instant.EPOCH,
                Map.of("epoch", 2, "globalStep", 7, "gpuTemperature", 71));

        assertThat(json.payload(event, Heartbeat.class)).isEqualTo(new Heartbeat(2, 7));
    }

    @Test
    void aMalformedEnvelopeNamesTheField() {
        assertThatThrownBy(() -> json.decode("{\"schema\":1,\"eventId\":\"e\",\"runId\":\"r\",\"seq\":0,"
                + "\"type\":\"Heartbeat\",\"time\":\"yesterday\",\"payload\":{}}"))
                .isInstanceOf(EventFormatException.class).hasMessageContaining("time 'yesterday' is not ISO-8601");
        assertThatThrownBy(() -> json.decode("[1,2]")).hasMessageContaining("not a JSON object");
    }
}
