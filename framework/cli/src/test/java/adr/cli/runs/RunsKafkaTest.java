package adr.cli.runs;

import static org.assertj.core.api.Assertions.assertThat;

import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalReader;
import adr.tracking.kafka.KafkaBrokerExtension;
import adr.tracking.kafka.KafkaSync;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

/** {@code runs sync} and {@code --source kafka} against a real in-process Kafka broker. */
class RunsKafkaTest {
    @RegisterExtension
    static final KafkaBrokerExtension kafka = new KafkaBrokerExtension();

    private final Cli cli = new Cli();

    @TempDir
    Path home;

    @BeforeEach
    void writeRuns() throws Exception {
        RunsFixtures.threeRuns(home);
    }

    private int run(String topic, String... args) throws Exception {
        String[] all = new String[args.length + 6];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--home", home.toString(), "--kafka-bootstrap", kafka.bootstrapServers(),
            "--kafka-topic", topic}, 0, all, args.length, 6);
        return cli.run(all);
    }

    @Test
    void syncPublishesOnlyWhatTheTopicLacks() throws Exception {
        String topic = "sync-partial";
        // the topic already holds the first 4 of the 7 events, as after a broker outage mid-run
        var journal = JournalReader.read(JournalLayout.journalFile(home, "reuse-1"), w -> { });
        new KafkaSync(kafka.settings(topic)).sync("reuse-1", journal.subList(0, 4));

        int code = run(topic, "runs", "sync", "reuse-1");
        int again = run(topic, "runs", "sync", "reu"); // a prefix only one run has

        assertThat(code).as(cli.err()).isZero();
        assertThat(again).as(cli.err()).isZero();
        assertThat(cli.lines()).containsExactly(
                "run reuse-1: 7 events in the journal, 4 already in sync-partial, 3 published",
                "run reuse-1: 7 events in the journal, 7 already in sync-partial, 0 published");
    }

    @Test
    void syncAllThenReplayTheTopic() throws Exception {
        String topic = "sync-all";

        int code = run(topic, "runs", "sync", "--all", "--json");

        assertThat(code).as(cli.err()).isZero();
        JsonNode results = new ObjectMapper().readTree(cli.out());
        assertThat(results).extracting(r -> r.get("run_id").asText()).containsExactly("died-1", "exact-1", "reuse-1");
        assertThat(results).extracting(r -> r.get("published").asInt()).containsExactly(2, 4, 7);
        cli.clear();

        int list = run(topic, "runs", "list", "--source", "kafka");
        assertThat(list).as(cli.err()).isZero();
        assertThat(cli.lines()).hasSize(4);
        // Kafka cannot tell whether a writer lives: died-1's last event is long past 3 heartbeats
        assertThat(cli.lines().get(3)).startsWith("died-1").contains("ABANDONED");
        cli.clear();

        int compare = run(topic, "runs", "compare", "reuse-1", "exact-1", "--source", "kafka");
        assertThat(compare).as(cli.err()).isZero();
        assertThat(cli.lines().get(1)).startsWith("reuse-1").endsWith("60.0%");
    }

    @Test
    void aBrokerGivenAloneIsTheSourceAndWithAHomeTheSourceMustBeChosen() throws Exception {
        String topic = "sync-implied";
        assertThat(run(topic, "runs", "sync", "exact-1")).as(cli.err()).isZero();
        cli.clear();

        int list = cli.run("runs", "list", "--kafka-bootstrap", kafka.bootstrapServers(), "--kafka-topic", topic);
        int ambiguous = run(topic, "runs", "list");

        assertThat(list).as(cli.err()).isZero();
        assertThat(cli.lines()).hasSize(2).last().asString().startsWith("exact-1");
        assertThat(ambiguous).isEqualTo(Cli.USAGE_ERROR);
        assertThat(cli.err()).contains("adr: both --home and --kafka-bootstrap are given; choose where the runs are"
                + " read from with --source journal or --source kafka");
    }

    @Test
    void anUnknownRunInTheTopicSaysHowToListTheTopicsRuns() throws Exception {
        int code = run("sync-empty", "runs", "show", "reuse-1", "--source", "kafka");

        assertThat(code).isEqualTo(Cli.USAGE_ERROR);
        assertThat(cli.err().lines()).last().asString().startsWith("adr: unknown run 'reuse-1' in ")
                .endsWith("; see the known runs with ./adr runs list --source kafka --kafka-bootstrap "
                        + kafka.bootstrapServers() + " --kafka-topic sync-empty");
    }
}
