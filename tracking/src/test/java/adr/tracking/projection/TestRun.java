package adr.tracking.projection;

import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import adr.tracking.events.EventPayload;
import adr.tracking.events.EventType;
import adr.tracking.events.RunCompleted;
import adr.tracking.events.RunStarted;
import adr.tracking.events.StepMetrics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Hand-built events of one run, numbered from seq 0 and a second apart from {@link #T0}. */
final class TestRun {
    static final Instant T0 = Instant.parse("2025-01-01T10:00:00Z");
    private static final EventJson JSON = new EventJson();

    private final String runId;
    private final List<Event> events = new ArrayList<>();
    private long seq;

    TestRun(String runId) {
        this.runId = runId;
    }

    /** Appends the payload as the next event. */
    TestRun add(EventPayload payload) {
        return raw(EventType.of(payload).wireName(), JSON.toMap(payload));
    }

    /** Appends an event of any type name and payload map. */
    TestRun raw(String type, Map<String, Object> payload) {
        events.add(new Event(EventJson.SCHEMA, UUID.randomUUID().toString(), runId, seq, type,
                T0.plusSeconds(seq), payload));
        seq++;
        return this;
    }

    /** Leaves {@code count} seq numbers unused, as if those events were lost. */
    TestRun lose(int count) {
        seq += count;
        return this;
    }

    List<Event> events() {
        return List.copyOf(events);
    }

    static RunStarted started(String strategy, boolean resumed) {
        return started(strategy, resumed, 200);
    }

    static RunStarted started(String strategy, boolean resumed, long totalSteps) {
        return new RunStarted("cifarnet", "fashion-mnist", strategy, "exact".equals(strategy) ? "none" : "lsh",
                Map.of("strategy", strategy, "L", "25", "H", "8"),
                List.of(new RunStarted.PluginUse("clustering", "lsh", "adr-lsh", "0.1.0", "1.0", "classpath",
                        Map.of("variant", "quantized"))),
                2, totalSteps, 1000, 500, "host", 42, 30, resumed, resumed ? 1 : 0, resumed ? 100 : 0);
    }

    static StepMetrics step(int epoch, long globalStep, double ratio) {
        return new StepMetrics(epoch, (int) globalStep % 100 + 1, 100, globalStep, 0.5, 0.01, 900.0,
                List.of(new StepMetrics.LayerMetrics("conv1", "reuse", 25, 8, 40, ratio, Map.of("hash", 0.001))));
    }

    static RunCompleted completed(double accuracy, double wallSeconds, double ratio) {
        return new RunCompleted(accuracy, 0.4, wallSeconds, wallSeconds - 1, 1000 / wallSeconds, 2000, 2, 200,
                Map.of("conv1", ratio, "conv2", ratio));
    }
}
