package adr.tracking.events;

import adr.spi.events.Event;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JSON form of an event: one object with the envelope fields of DESIGN.md section 4
 * in a fixed order ({@code schema, eventId, runId, seq, type, time, payload}), on one
 * line. Payload records convert to and from the envelope's map form; unknown payload
 * fields are ignored, so a newer writer's extra fields do not break this reader.
 * Thread-safe.
 */
public final class EventJson {
    /** The schema version this code writes. */
    public static final int SCHEMA = 1;
    private static final List<String> ENVELOPE = List.of("schema", "eventId", "runId", "seq", "type", "time",
            "payload");
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final ObjectMapper mapper = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    /** The event as one line of JSON, without a line break. */
    public String encode(Event event) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("schema", event.schema());
        json.put("eventId", event.eventId());
        json.put("runId", event.runId());
        json.put("seq", event.seq());
        json.put("type", event.type());
        json.put("time", event.time().toString());
        json.put("payload", event.payload());
        try {
            return mapper.writeValueAsString(json);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("event " + event.runId() + "/" + event.seq() + " cannot be written as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Parses one JSON object into an event.
     *
     * @throws EventFormatException naming the missing or malformed field
     */
    public Event decode(String json) {
        JsonNode node;
        try {
            node = mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new EventFormatException("not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (node == null || !node.isObject()) {
            throw new EventFormatException("not a JSON object");
        }
        for (String field : ENVELOPE) {
            if (!node.hasNonNull(field)) {
                throw new EventFormatException("envelope field '" + field + "' is missing");
            }
        }
        if (!node.get("payload").isObject()) {
            throw new EventFormatException("payload is not a JSON object");
        }
        try {
            return new Event(node.get("schema").asInt(), node.get("eventId").asText(), node.get("runId").asText(),
                    node.get("seq").asLong(), node.get("type").asText(), Instant.parse(node.get("time").asText()),
                    mapper.convertValue(node.get("payload"), MAP));
        } catch (DateTimeParseException e) {
            throw new EventFormatException("time '" + node.get("time").asText() + "' is not ISO-8601", e);
        }
    }

    /** A payload record in the envelope's map form. */
    public Map<String, Object> toMap(EventPayload payload) {
        return mapper.convertValue(payload, MAP);
    }

    /**
     * The event's payload as the record of its type.
     *
     * @throws EventFormatException when the payload does not fit the type's record
     */
    public <P extends EventPayload> P payload(Event event, Class<P> type) {
        try {
            return mapper.convertValue(event.payload(), type);
        } catch (IllegalArgumentException e) {
            throw new EventFormatException(event.type() + " " + event.runId() + "/" + event.seq()
                    + " has a payload that does not fit " + type.getSimpleName() + ": " + e.getMessage(), e);
        }
    }
}
