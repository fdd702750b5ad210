package adr.cli.runs;

import adr.tracking.events.EventSource;
import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalSource;
import adr.tracking.kafka.KafkaSettings;
import adr.tracking.kafka.KafkaSource;
import adr.tracking.projection.RunHistory;
import adr.tracking.projection.RunRegistry;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Where the commands that read runs replay them from: the journals under the home, or Kafka. */
final class ReplayOptions {
    private static final String JOURNAL = "journal";
    private static final String KAFKA = "kafka";

    /** Null when not given: with --kafka-bootstrap alone the source is Kafka, else the default home. */
    @Option(names = "--home", paramLabel = "DIR", description = "ADR home holding run journals (default ./runs)")
    Path home;

    @Option(names = "--source", paramLabel = "journal|kafka", description = "replay the journals under --home"
            + " (the default) or the Kafka topic (the default when --kafka-bootstrap is given without --home)")
    String source;

    @Mixin
    KafkaOptions kafka;

    private EventSource eventSource;

    /**
     * Every run the source knows. Journals tell whether a run's writer still holds its lock;
     * Kafka cannot, so there a run's heartbeat age decides whether it was abandoned.
     */
    RunRegistry replay(Clock clock, Consumer<String> warnings, Consumer<String> notices) {
        Path at = home();
        if (!isKafka()) {
            return RunRegistry.replay(eventSource(), warnings, clock, runId -> JournalSource.writerAlive(at, runId));
        }
        String waiting = "reading Kafka topic " + kafka.topic() + " at " + kafka.bootstrap + " (up to "
                + KafkaSource.DEFAULT_TIMEOUT.toSeconds() + " s if the broker does not answer)...";
        try (SlowNotice notice = new SlowNotice(SlowNotice.DELAY, notices, waiting)) {
            return RunRegistry.replay(eventSource(), warnings, clock, null);
        }
    }

    /**
     * The runs, in the order given, each named by its id or a prefix only it has (see
     * {@link RunIdPrefix}). A one-line error names every unknown or ambiguous one and how
     * to see the known.
     */
    List<RunHistory> find(RunRegistry registry, List<String> runIds) {
        List<String> known = registry.runs().stream().map(RunHistory::runId).toList();
        List<String> unknown = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<RunHistory> found = new ArrayList<>();
        for (String id : runIds.stream().distinct().toList()) {
            List<String> matches = RunIdPrefix.matches(known, id);
            if (matches.size() == 1) {
                found.add(registry.find(matches.get(0)).orElseThrow());
            } else if (matches.isEmpty()) {
                unknown.add("'" + id + "'");
            } else {
                problems.add(RunIdPrefix.ambiguous(id, matches));
            }
        }
        if (!unknown.isEmpty()) {
            problems.add(0, (unknown.size() == 1 ? "unknown run " : "unknown runs ") + String.join(", ", unknown));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join("; ", problems) + " in " + describe()
                    + "; see the known runs with " + listCommand());
        }
        return found.stream().distinct().toList();
    }

    /** The {@code runs list} command that shows the same runs as this one. */
    String listCommand() {
        StringBuilder command = new StringBuilder("./adr runs list");
        if (isKafka()) {
            command.append(" --source kafka --kafka-bootstrap ").append(kafka.bootstrap);
            if (!KafkaSettings.DEFAULT_TOPIC.equals(kafka.topic())) {
                command.append(" --kafka-topic ").append(kafka.topic());
            }
        } else if (!home().equals(JournalLayout.DEFAULT_HOME)) {
            command.append(" --home ").append(home());
        }
        return command.toString();
    }

    /** The source, for messages: a directory or a Kafka topic. */
    String describe() {
        return eventSource().describe();
    }

    private EventSource eventSource() {
        if (eventSource == null) {
            if (!isKafka()) {
                HomeDirectory.requireReadable(home());
                if (kafka.topic != null) {
                    throw new IllegalArgumentException("--kafka-topic " + kafka.topic + " names a Kafka topic, but the"
                            + " runs are read from the journals under " + home() + "; add --kafka-bootstrap HOST:PORT"
                            + " to read the topic (with --home, also --source kafka)");
                }
            }
            eventSource = isKafka() ? new KafkaSource(kafka.settings("--source kafka")) : new JournalSource(home());
        }
        return eventSource;
    }

    private Path home() {
        return home != null ? home : JournalLayout.DEFAULT_HOME;
    }

    private boolean isKafka() {
        if (source == null) {
            return impliedSource();
        }
        return switch (source) {
            case JOURNAL -> false;
            case KAFKA -> true;
            default -> throw new IllegalArgumentException("--source '" + source + "' is not journal or kafka");
        };
    }

    /** A broker given alone means its topic: a user naming one does not mean the journals under ./runs. */
    private boolean impliedSource() {
        if (kafka.bootstrap == null) {
            return false;
        }
        if (home != null) {
            throw new IllegalArgumentException("both --home and --kafka-bootstrap are given; choose where the runs are"
                    + " read from with --source journal or --source kafka");
        }
        return true;
    }
}
