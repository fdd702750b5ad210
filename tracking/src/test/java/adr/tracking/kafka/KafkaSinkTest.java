package adr.tracking.kafka;

import static adr.tracking.kafka.TestEvents.await;
import static adr.tracking.kafka.TestEvents.readRecords;
import static adr.tracking.kafka.TestEvents.steps;
import static org.assertj.core.api.Assertions.assertThat;

import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaSinkTest {
    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private static final Duration ACK_WAIT = Duration.ofSeconds(20);
    private static final long PUBLISH_LIMIT_NANOS = Duration.ofMillis(50).toNanos();

    private final EventJson json = new EventJson();

    @Test
    void deliversEventsInSeqOrderWithEveryEnvelopeField() throws Exception {
        List<Event> events = steps("run-order", 0, 30);
        try (KafkaSink sink = new KafkaSink(kafka.settings("sink-order"), json)) {
            events.forEach(sink::publish);
            assertThat(await(() -> sink.acknowledged() == 30, ACK_WAIT)).as("all acknowledged").isTrue();
            assertThat(sink.backlog()).isZero();
        }

        List<ConsumerRecord<String, String>> records = readRecords(kafka.bootstrapServers(), "sink-order", 30);
        assertThat(records).extracting(ConsumerRecord::key).containsOnly("run-order");
        assertThat(records.stream().map(r -> json.decode(r.value())).toList()).containsExactlyElementsOf(events);
    }

    @Test
    void createsTheTopicWhenMissing() throws Exception {
        try (Admin admin = kafka.admin()) {
            assertThat(admin.listTopics().names().get()).doesNotContain("sink-new-topic");
            try (KafkaSink sink = new KafkaSink(kafka.settings("sink-new-topic"), json)) {
                sink.publish(TestEvents.step("run-new", 0));
                assertThat(await(() -> sink.acknowledged() == 1, ACK_WAIT)).isTrue();
            }
            assertThat(admin.listTopics().names().get()).contains("sink-new-topic");
        }
    }

    @Test
    void brokerStoppedMidRunAndRestartedLosesNothing() throws Exception {
        KafkaSink sink = new KafkaSink(kafka.settings("sink-outage"), json);
        List<Event> events = steps("run-outage", 0, 150);
        events.subList(0, 50).forEach(sink::publish);
        assertThat(await(() -> sink.acknowledged() == 50, ACK_WAIT)).isTrue();

        kafka.stopBroker();
        try {
            // training goes on while the broker is away: a step's publish must not wait for it
            for (Event event : events.subList(50, 150)) {
                assertPublishIsFast(sink, event);
                Thread.sleep(10);
            }
            assertThat(sink.backlog()).as("events wait while the broker is away").isEqualTo(100);
        } finally {
            kafka.startBroker();
        }

        assertThat(await(() -> sink.backlog() == 0, Duration.ofSeconds(40))).as("backlog drained").isTrue();
        sink.close();
        assertThat(sink.undelivered()).isZero();
        assertThat(seqs(readRecords(kafka.bootstrapServers(), "sink-outage", 150)))
                .containsExactlyElementsOf(events.stream().map(Event::seq).toList());
    }

    @Test
    void sendsThatFailForGoodAreQueuedAgainInOrder() throws Exception {
        // records expire after 2 s in the producer, so the outage below fails sends for good
        SinkTuning tuning = new SinkTuning(Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofSeconds(1),
                Duration.ofSeconds(2), Duration.ofMillis(100), Duration.ofMillis(500));
        KafkaSink sink = new KafkaSink(kafka.settings("sink-requeue"), json, tuning, warning -> { });
        List<Event> events = steps("run-requeue", 0, 60);
        events.subList(0, 10).forEach(sink::publish);
        assertThat(await(() -> sink.acknowledged() == 10, ACK_WAIT)).isTrue();

        kafka.stopBroker();
        try {
            for (Event event : events.subList(10, 60)) {
                assertPublishIsFast(sink, event);
                Thread.sleep(20);
            }
            assertThat(await(() -> sink.sendFailures() > 0, Duration.ofSeconds(10))).as("sends failed").isTrue();
            // past the delivery timeout, so nothing the broker is still waiting for could overtake the re-queued
            Thread.sleep(2_500);
        } finally {
            kafka.startBroker();
        }

        assertThat(await(() -> sink.backlog() == 0, Duration.ofSeconds(40))).as("backlog drained").isTrue();
        sink.close();
        assertThat(seqs(readRecords(kafka.bootstrapServers(), "sink-requeue", 60)))
                .containsExactlyElementsOf(events.stream().map(Event::seq).toList());
    }

    private static void assertPublishIsFast(KafkaSink sink, Event event) {
        long start = System.nanoTime();
        sink.publish(event);
        assertThat(System.nanoTime() - start).as("publish of seq %d, ns", event.seq()).isLessThan(PUBLISH_LIMIT_NANOS);
    }

    private List<Long> seqs(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> json.decode(r.value()).seq()).toList();
    }
}
