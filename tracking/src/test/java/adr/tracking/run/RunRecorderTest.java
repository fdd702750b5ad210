package adr.tracking.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import adr.core.data.DatasetSource;
import adr.core.experiment.ReuseConfig;
import adr.spi.events.Event;
import adr.tracking.events.EventJson;
import adr.tracking.events.ReuseConfigChanged;
import adr.tracking.events.RunStarted;
import adr.tracking.events.StepMetrics;
import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real short training run, recorded: its journal tells the whole run in order. */
class RunRecorderTest {
    private final EventJson json = new EventJson();

    @BeforeAll
    static void needsFashionMnist() {
        assumeTrue(Files.isDirectory(DatasetSource.FASHION_MNIST_DIRECTORY),
                "Fashion-MNIST not installed (apt-get install dataset-fashion-mnist; ./adr test does it)");
    }

    @Test
    void aReuseRunsJournalHoldsEveryEventInSeqOrder(@TempDir Path home) {
        TrainingRunEvents.train(home, "run-a", TrainingRunEvents.config("fixed", home.resolve("ckpt")), List.of());
        List<String> warnings = new ArrayList<>();
        List<Event> events = JournalReader.read(JournalLayout.journalFile(home, "run-a"), warnings::add);

        assertThat(warnings).isEmpty();
        assertThat(events).extracting(Event::seq).containsExactly(LongStream.range(0, events.size()).boxed()
                .toArray(Long[]::new));
        assertThat(events).allSatisfy(e -> {
            assertThat(e.runId()).isEqualTo("run-a");
            assertThat(e.schema()).isEqualTo(EventJson.SCHEMA);
        });
        List<String> types = events.stream().map(Event::type).toList();
        assertThat(types.get(0)).isEqualTo("RunStarted");
        assertThat(types.get(types.size() - 1)).isEqualTo("RunCompleted");
        assertThat(types).contains("EpochStarted", "StepMetrics", "ReuseConfigChanged", "EvaluationCompleted",
                "CheckpointSaved");

        RunStarted started = json.payload(events.get(0), RunStarted.class);
        assertThat(started.strategy()).isEqualTo("fixed");
        assertThat(started.plugins()).extracting(RunStarted.PluginUse::kind)
                .containsExactly("strategy", "policy", "clustering");
        assertThat(started.config()).containsEntry("train-limit", "320");

        ReuseConfigChanged change = events.stream().filter(e -> e.type().equals("ReuseConfigChanged")).findFirst()
                .map(e -> json.payload(e, ReuseConfigChanged.class)).orElseThrow();
        assertThat(change.from()).isEqualTo("exact");
        assertThat(change.to()) // the fixed strategy's configured defaults
                .isEqualTo("L=" + ReuseConfig.DEFAULT_LENGTH + " H=" + ReuseConfig.DEFAULT_HASH_BITS);
        assertThat(change.reason()).isNotBlank();

        List<StepMetrics> metrics = events.stream().filter(e -> e.type().equals("StepMetrics"))
                .map(e -> json.payload(e, StepMetrics.class)).toList();
        assertThat(metrics).extracting(StepMetrics::step)
                .containsExactly(2, 4, 5); // every 2 steps and the epoch's last
        StepMetrics.LayerMetrics reused = metrics.get(0).layers().stream().filter(l -> l.mode().equals("reuse"))
                .findFirst().orElseThrow();
        assertThat(reused.remainingRatio()).isBetween(0.0, 1.0);
        assertThat(reused.clusters()).isPositive();
        assertThat(reused.phaseSeconds()).containsKey("cluster");
    }
}
