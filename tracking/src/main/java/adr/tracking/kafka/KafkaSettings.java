package adr.tracking.kafka;

import java.util.regex.Pattern;

/**
 * Where the tracking events go in Kafka: the bootstrap server and the topic.
 *
 * @param bootstrap one or more {@code host:port} pairs, separated by commas
 * @param topic the topic every run's events go to (runs are told apart by the record key)
 */
public record KafkaSettings(String bootstrap, String topic) {
    /** The topic used when none is configured. */
    public static final String DEFAULT_TOPIC = "adr.events";

    // host names, IPv4 addresses or bracketed IPv6 addresses, then a port
    private static final Pattern SERVER = Pattern.compile("(\\[[0-9a-fA-F:.]+\\]|[A-Za-z0-9_.-]+):(\\d{1,5})");
    private static final Pattern TOPIC = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    /**
     * @throws IllegalArgumentException naming the bad value and the expected form
     */
    public KafkaSettings {
        if (bootstrap == null || bootstrap.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrap server is empty; give it as host:port, "
                    + "for example --kafka-bootstrap 127.0.0.1:9092");
        }
        bootstrap = bootstrap.strip();
        for (String server : bootstrap.split(",", -1)) {
            checkServer(server.strip(), bootstrap);
        }
        topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic.strip();
        if (!TOPIC.matcher(topic).matches()) {
            throw new IllegalArgumentException("Kafka topic '" + topic + "' is not a valid topic name; use up to "
                    + "249 letters, digits, '.', '_' or '-', for example " + DEFAULT_TOPIC);
        }
    }

    /** Settings for the default topic. */
    public static KafkaSettings of(String bootstrap) {
        return new KafkaSettings(bootstrap, DEFAULT_TOPIC);
    }

    private static void checkServer(String server, String bootstrap) {
        var matcher = SERVER.matcher(server);
        int port = matcher.matches() ? Integer.parseInt(matcher.group(2)) : -1;
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Kafka bootstrap server '" + bootstrap + "' is not host:port (port "
                    + "1-65535); give it as host:port, for example 127.0.0.1:9092");
        }
    }
}
