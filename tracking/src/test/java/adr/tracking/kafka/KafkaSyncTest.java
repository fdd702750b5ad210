package adr.tracking.kafka;

import static adr.tracking.kafka.TestEvents.readRecords;
import static adr.tracking.kafka.TestEvents.steps;
import static org.assertj.core.api.Assertions.assertThat;

import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class KafkaSyncTest {
    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private final EventJson json = new EventJson();

    @Test
    void publishesOnlyTheMissingSeqsAndASecondSyncPublishesNothing() {
        KafkaSettings settings = kafka.settings("sync-partial");
        List<Event> journal = steps("run-s", 0, 20);
        try (KafkaSink sink = new KafkaSink(settings, json)) {
            journal.subList(0, 10).forEach(sink::publish);
            sink.publish(journal.get(15));
            // another run with the same seqs must not count as this run's
            steps("run-other", 10, 15).forEach(sink::publish);
        }
        KafkaSync sync = new KafkaSync(settings);

        assertThat(sync.sync("run-s", journal)).isEqualTo(new KafkaSync.SyncResult("run-s", 20, 11, 9));
        assertThat(sync.sync("run-s", journal)).isEqualTo(new KafkaSync.SyncResult("run-s", 20, 20, 0));

        List<Long> seqs = readRecords(kafka.bootstrapServers(), "sync-partial", 25).stream()
                .map(r -> json.decode(r.value()))
                .filter(e -> e.runId().equals("run-s"))
                .map(Event::seq).toList();
        assertThat(seqs).hasSize(20).containsExactlyInAnyOrderElementsOf(LongStream.range(0, 20).boxed().toList());
        // the missing ones went out in seq order, after what the sink had sent
        assertThat(seqs.subList(11, 20)).containsExactly(10L, 11L, 12L, 13L, 14L, 16L, 17L, 18L, 19L);
    }

    @Test
    void createsTheTopicWhenMissingAndIgnoresOtherRunsInTheJournal() {
        List<Event> journal = new java.util.ArrayList<>(steps("run-new", 0, 5));
        journal.add(TestEvents.step("run-stray", 0));

        KafkaSync.SyncResult result = new KafkaSync(kafka.settings("sync-new")).sync("run-new", journal);

        assertThat(result).isEqualTo(new KafkaSync.SyncResult("run-new", 5, 0, 5));
        assertThat(readRecords(kafka.bootstrapServers(), "sync-new", 5)).hasSize(5);
    }
}
