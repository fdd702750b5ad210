package adr.tracking.projection;

import static adr.tracking.projection.TestRun.T0;
import static adr.tracking.projection.TestRun.completed;
import static adr.tracking.projection.TestRun.started;
import static adr.tracking.projection.TestRun.step;
import static org.assertj.core.api.Assertions.assertThat;

import adr.spi.events.Event;
import adr.tracking.events.CheckpointSaved;
import adr.tracking.events.EvaluationCompleted;
import adr.tracking.events.Heartbeat;
import adr.tracking.events.ReuseConfigChanged;
import adr.tracking.events.RunFailed;
import adr.tracking.events.RunInterrupted;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

class RunRegistryTest {
    private final List<String> warnings = new ArrayList<>();

    private RunRegistry replay(List<Event> events, Instant now, Predicate<String> writerAlive) {
        return RunRegistry.replay(new ListSource(events), warnings::add, Clock.fixed(now, ZoneOffset.UTC),
                writerAlive);
    }

    private RunRegistry replay(List<Event> events) {
        return replay(events, T0, id -> false);
    }

    private static TestRun completedRun(String id) {
        return new TestRun(id).add(started("fixed", false))
                .add(new ReuseConfigChanged("conv1", "exact", "L=25 H=8", "forward+weights+input", "fixed strategy",
                        1, 0))
                .add(step(1, 0, 0.2)).add(step(1, 99, 0.3))
                .add(new EvaluationCompleted(1, 0.8, 0.5, 500)).add(new CheckpointSaved(1, 100, "/ckpt/1"))
                .add(step(2, 199, 0.3)).add(new EvaluationCompleted(2, 0.85, 0.45, 500))
                .add(completed(0.85, 40, 0.3));
    }

    @Test
    void foldsARunIntoItsHistory() {
        RunHistory run = replay(completedRun("r1").events()).find("r1").orElseThrow();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.started()).isEqualTo(T0);
        assertThat(run.lastEventTime()).isEqualTo(T0.plusSeconds(8));
        assertThat(run.model()).isEqualTo("cifarnet");
        assertThat(run.strategy()).isEqualTo("fixed");
        assertThat(run.config()).containsEntry("L", "25");
        assertThat(run.plugins()).extracting(p -> p.pluginId()).containsExactly("adr-lsh");
        assertThat(run.metrics()).extracting(MetricPoint::globalStep).containsExactly(0L, 99L, 199L);
        assertThat(run.metrics().get(0).remainingRatio()).containsExactly(Map.entry("conv1", 0.2));
        assertThat(run.evaluations()).extracting(EvaluationCompleted::epoch).containsExactly(1, 2);
        assertThat(run.reuseChanges()).extracting(ReuseConfigChanged::reason).containsExactly("fixed strategy");
        assertThat(run.checkpoints()).hasSize(1);
        assertThat(run.result().testAccuracy()).isEqualTo(0.85);
        assertThat(run.epochsDone()).isEqualTo(2);
        assertThat(run.eventCount()).isEqualTo(9);
        assertThat(run.lastSeq()).isEqualTo(8);
        assertThat(run.gaps()).isEmpty();
        assertThat(warnings).isEmpty();
    }

    @Test
    void duplicatesByRunAndSeqAreIgnoredAndCounted() {
        List<Event> journal = completedRun("r1").events();
        List<Event> both = new ArrayList<>(journal);
        both.addAll(journal.subList(2, 6)); // the same events delivered again, as by the journal and by Kafka

        RunRegistry registry = replay(both);

        RunHistory run = registry.find("r1").orElseThrow();
        assertThat(registry.duplicatesIgnored()).isEqualTo(4);
        assertThat(run.eventCount()).isEqualTo(9);
        assertThat(run.metrics()).hasSize(3);
        assertThat(run.evaluations()).hasSize(2);
        assertThat(warnings).isEmpty();
    }

    @Test
    void eventsArrivingOutOfOrderAreFoldedInSeqOrder() {
        List<Event> events = new ArrayList<>(completedRun("r1").events());
        Collections.reverse(events);

        RunHistory run = replay(events).find("r1").orElseThrow();

        assertThat(run.status()).isEqualTo(RunStatus.COMPLETED);
        assertThat(run.metrics()).extracting(MetricPoint::globalStep).containsExactly(0L, 99L, 199L);
    }

    @Test
    void unknownTypesAreSkippedWithOneWarningPerType() {
        List<Event> events = new ArrayList<>(new TestRun("r1").add(started("exact", false))
                .raw("LayerPruned", Map.of("layer", "conv1")).add(step(1, 0, 1.0))
                .raw("LayerPruned", Map.of("layer", "conv2")).events());
        events.addAll(new TestRun("r2").add(started("exact", false)).raw("LayerPruned", Map.of()).events());

        RunRegistry registry = replay(events);

        assertThat(warnings).hasSize(1);
        assertThat(warnings.get(0)).contains("'LayerPruned'").contains("written by a newer ADR? upgrade to read it");
        RunHistory run = registry.find("r1").orElseThrow();
        assertThat(run.metrics()).hasSize(1);
        assertThat(run.eventCount()).isEqualTo(4);
        assertThat(run.gaps()).isEmpty();
    }

    @Test
    void aPayloadThatDoesNotDecodeIsAWarningNotAnException() {
        List<Event> events = new TestRun("r1").add(started("exact", false))
                .raw("StepMetrics", Map.of("epoch", "many", "loss", List.of())).add(step(1, 5, 1.0)).events();

        RunHistory run = replay(events).find("r1").orElseThrow();

        assertThat(run.metrics()).extracting(MetricPoint::globalStep).containsExactly(5L);
        assertThat(warnings).singleElement().asString().contains("run r1 seq 1").contains("StepMetrics")
                .endsWith("event skipped");
    }

    @Test
    void aRunningRunIsAbandonedWhenItsWriterIsDead() {
        List<Event> events = new ArrayList<>(new TestRun("dead").add(started("exact", false)).add(step(1, 0, 1))
                .events());
        events.addAll(new TestRun("alive").add(started("exact", false)).events());
        events.addAll(new TestRun("done").add(started("exact", false)).add(completed(0.9, 10, 1)).events());
        Instant muchLater = T0.plusSeconds(86_400); // liveness, when known, overrides heartbeat age

        RunRegistry registry = replay(events, muchLater, "alive"::equals);

        assertThat(registry.find("dead").orElseThrow().status()).isEqualTo(RunStatus.ABANDONED);
        assertThat(registry.find("alive").orElseThrow().status()).isEqualTo(RunStatus.RUNNING);
        assertThat(registry.find("done").orElseThrow().status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void withoutLivenessARunSilentForThreeHeartbeatsIsAbandoned() {
        // heartbeat 30 s; the last event, a heartbeat, is at T0 + 2 s
        List<Event> events = new TestRun("r1").add(started("exact", false)).add(step(1, 0, 1))
                .add(new Heartbeat(1, 10)).events();
        Instant last = T0.plusSeconds(2);

        assertThat(replay(events, last.plusSeconds(90), null).find("r1").orElseThrow().status())
                .isEqualTo(RunStatus.RUNNING);
        assertThat(replay(events, last.plusSeconds(91), null).find("r1").orElseThrow().status())
                .isEqualTo(RunStatus.ABANDONED);
    }

    @Test
    void aResumedRunIsRunningAgainAndKeepsItsPast() {
        TestRun run = new TestRun("r1").add(started("fixed", false)).add(step(1, 50, 0.3))
                .add(new CheckpointSaved(1, 100, "/ckpt/1")).add(new RunInterrupted("INT", 1, 120, "/ckpt/1"));
        RunHistory interrupted = replay(run.events()).find("r1").orElseThrow();
        run.add(started("fixed", true)).add(step(2, 150, 0.3));

        RunHistory resumed = replay(run.events(), T0, id -> true).find("r1").orElseThrow();
        run.add(completed(0.9, 60, 0.3));
        RunHistory completed = replay(run.events()).find("r1").orElseThrow();

        assertThat(interrupted.status()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(interrupted.epochsDone()).isEqualTo(1);
        assertThat(resumed.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(resumed.started()).isEqualTo(T0);
        assertThat(resumed.resumedAt()).containsExactly(T0.plusSeconds(4));
        assertThat(resumed.resumes()).singleElement().satisfies(r -> {
            assertThat(r.epochsDone()).isEqualTo(1);
            assertThat(r.step()).isEqualTo(100);
            assertThat(r.reuseChangesBefore()).isZero();
        });
        assertThat(resumed.interruption().signal()).isEqualTo("INT");
        assertThat(resumed.metrics()).hasSize(2);
        assertThat(completed.status()).isEqualTo(RunStatus.COMPLETED);
    }

    @Test
    void theLastLifecycleEventWinsForFailures() {
        List<Event> events = new TestRun("r1").add(started("exact", false))
                .add(new RunFailed("java.lang.OutOfMemoryError", "Java heap space", 1, 7)).events();

        RunHistory run = replay(events).find("r1").orElseThrow();

        assertThat(run.status()).isEqualTo(RunStatus.FAILED);
        assertThat(run.failure().message()).isEqualTo("Java heap space");
    }

    @Test
    void gapsInSeqAreListed() {
        List<Event> events = new TestRun("r1").lose(1).add(started("exact", false)).add(step(1, 0, 1)).lose(3)
                .add(step(1, 10, 1)).lose(1).add(new Heartbeat(1, 12)).events();

        RunHistory run = replay(events).find("r1").orElseThrow();

        assertThat(run.gaps()).containsExactly(new SeqGap(0, 0), new SeqGap(3, 5), new SeqGap(7, 7));
        assertThat(run.gaps()).extracting(SeqGap::toString).containsExactly("seq 0", "seq 3..5", "seq 7");
        assertThat(run.eventCount()).isEqualTo(4);
        assertThat(run.lastSeq()).isEqualTo(8);
    }

    @Test
    void aRunWithoutItsStartIsStillListed() {
        List<Event> events = new TestRun("r1").lose(5).add(step(1, 0, 0.5)).events();

        RunHistory run = replay(events, T0, null).find("r1").orElseThrow();

        assertThat(run.status()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.model()).isEqualTo(RunHistory.UNKNOWN);
        assertThat(run.started()).isNull();
    }
}
