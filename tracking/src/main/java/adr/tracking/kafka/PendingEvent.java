package adr.tracking.kafka;

/**
 * An event waiting for Kafka, already in its JSON form.
 *
 * @param ordinal the order of publication; failed events go back to the queue in this order
 */
record PendingEvent(long ordinal, String runId, long seq, String json) {
}
