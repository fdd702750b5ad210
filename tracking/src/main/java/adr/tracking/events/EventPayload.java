package adr.tracking.events;

/** The payload of one event type; records only, encoded as a JSON object. */
public sealed interface EventPayload permits RunStarted, EpochStarted, StepMetrics, ReuseConfigChanged,
        EvaluationCompleted, CheckpointSaved, Heartbeat, RunCompleted, RunFailed, RunInterrupted {
}
