package adr.tracking.events;

import java.util.Arrays;
import java.util.Optional;

/**
 * The event types of DESIGN.md section 4, each with the record its payload decodes to.
 * A reader meeting a type it does not know skips the event (forward compatibility).
 */
public enum EventType {
    RUN_STARTED("RunStarted", RunStarted.class),
    EPOCH_STARTED("EpochStarted", EpochStarted.class),
    STEP_METRICS("StepMetrics", StepMetrics.class),
    REUSE_CONFIG_CHANGED("ReuseConfigChanged", ReuseConfigChanged.class),
    EVALUATION_COMPLETED("EvaluationCompleted", EvaluationCompleted.class),
    CHECKPOINT_SAVED("CheckpointSaved", CheckpointSaved.class),
    HEARTBEAT("Heartbeat", Heartbeat.class),
    RUN_COMPLETED("RunCompleted", RunCompleted.class),
    RUN_FAILED("RunFailed", RunFailed.class),
    RUN_INTERRUPTED("RunInterrupted", RunInterrupted.class);

    private final String wireName;
    private final Class<? extends EventPayload> payloadType;

    EventType(String wireName, Class<? extends EventPayload> payloadType) {
        this.wireName = wireName;
        this.payloadType = payloadType;
    }

    /** The name in the envelope's {@code type} field. */
    public String wireName() {
        return wireName;
    }

    public Class<? extends EventPayload> payloadType() {
        return payloadType;
    }

    /** The type with this wire name, or empty for a type this version does not know. */
    public static Optional<EventType> fromWire(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }

    public static EventType of(EventPayload payload) {
        return Arrays.stream(values()).filter(t -> t.payloadType == payload.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no event type for " + payload.getClass()));
    }
}
