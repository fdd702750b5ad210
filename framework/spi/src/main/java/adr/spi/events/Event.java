package adr.spi.events;

import java.time.Instant;
import java.util.Map;

/**
 * One training event in its envelope.
 *
 * @param seq per run, from 0, without gaps
 * @param type for example {@code "RunStarted"} or {@code "StepMetrics"}
 * @param payload JSON-compatible values (strings, numbers, booleans, lists, maps)
 */
public record Event(int schema, String eventId, String runId, long seq, String type, Instant time,
        Map<String, Object> payload) {
}
