package adr.tracking.kafka;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * Creates the events topic when it is missing, with the broker's default partition count and
 * replication factor (one and one on a development broker; a shared cluster's operators
 * choose theirs). Brokers that auto-create topics would do it too, but many clusters do not.
 */
final class TopicCreator {
    private static final Duration ADMIN_CLOSE = Duration.ofSeconds(2);

    private TopicCreator() {
    }

    /**
     * Returns once the topic exists.
     *
     * @throws KafkaUnavailableException when the broker does not answer within {@code timeout}
     * @throws IllegalStateException when the broker refuses, naming the reason and the fix
     */
    static void ensure(KafkaSettings settings, Duration timeout) {
        Admin admin;
        try {
            admin = Admin.create(ClientConfigs.admin(settings, timeout));
        } catch (KafkaException e) {
            throw KafkaUnavailableException.unreachable(settings, "connecting", e);
        }
        try {
            NewTopic topic = new NewTopic(settings.topic(), Optional.empty(), Optional.empty());
            admin.createTopics(List.of(topic)).all().get();
        } catch (ExecutionException e) {
            accept(settings, e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KafkaUnavailableException("interrupted while creating Kafka topic " + settings.topic(), e);
        } finally {
            admin.close(ADMIN_CLOSE);
        }
    }

    private static void accept(KafkaSettings settings, Throwable cause) {
        if (cause instanceof TopicExistsException) {
            return;
        }
        if (cause instanceof TimeoutException) {
            throw KafkaUnavailableException.unreachable(settings, "creating topic " + settings.topic(), cause);
        }
        throw new IllegalStateException("Kafka topic " + settings.topic() + " cannot be created on "
                + settings.bootstrap() + " (" + cause.getMessage() + "); create it with kafka-topics.sh --create "
                + "--topic " + settings.topic() + " or let this client create topics", cause);
    }
}
