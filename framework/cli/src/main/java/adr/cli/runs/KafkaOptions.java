package adr.cli.runs;

import adr.tracking.kafka.KafkaSettings;
import picocli.CommandLine.Option;

/** Where Kafka is, for the commands that read or write the topic. */
final class KafkaOptions {

    @Option(names = "--kafka-bootstrap", paramLabel = "HOST:PORT", description = "the Kafka broker to read or write")
    String bootstrap;

    /** Null when not given: the default topic, and a journal replay can tell it was not asked for. */
    @Option(names = "--kafka-topic", paramLabel = "TOPIC",
            description = "the topic of the events (default: " + KafkaSettings.DEFAULT_TOPIC + ")")
    String topic;

    String topic() {
        return topic != null ? topic : KafkaSettings.DEFAULT_TOPIC;
    }

    /**
     * @param user the flag that needs Kafka, for the message when the broker is not given
     * @throws IllegalArgumentException naming {@code --kafka-bootstrap} when it is missing
     */
    KafkaSettings settings(String user) {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException(user + " needs --kafka-bootstrap HOST:PORT (the Kafka broker), for"
                    + " example --kafka-bootstrap 127.0.0.1:9092");
        }
        return new KafkaSettings(bootstrap, topic());
    }
}
