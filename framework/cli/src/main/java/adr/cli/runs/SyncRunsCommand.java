package adr.cli.runs;

import adr.cli.Plural;
import adr.spi.events.Event;
import adr.tracking.journal.JournalLayout;
import adr.tracking.journal.JournalReader;
import adr.tracking.journal.JournalSource;
import adr.tracking.kafka.KafkaSettings;
import adr.tracking.kafka.KafkaSource;
import adr.tracking.kafka.KafkaSync;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code adr runs sync RUN|--all}: publishes the journal events that the Kafka topic lacks,
 * for a run that trained while the broker was down or before Kafka was configured. The
 * journal is the record; the topic is caught up from it, never the other way.
 */
@Command(name = "sync", mixinStandardHelpOptions = true,
        description = "Publish to Kafka the journal events the topic does not have yet.")
final class SyncRunsCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", arity = "0..1", description = "the run to sync (or --all)")
    String runId;

    @Option(names = "--all", description = "sync every run under --home")
    boolean all;

    @Option(names = "--home", paramLabel = "DIR", description = "ADR home holding run journals (default ./runs)")
    Path home = JournalLayout.DEFAULT_HOME;

    @Mixin
    KafkaOptions kafka;

    @Option(names = "--json", description = "print JSON to stdout instead of one line per run")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (all == (runId != null)) {
            throw new IllegalArgumentException("give either a run id or --all; see the runs with " + listCommand());
        }
        KafkaSettings settings = kafka.settings("runs sync");
        HomeDirectory.requireReadable(home);
        List<String> ids = runIds(); // before any broker is contacted, so a typo fails fast
        Console console = Console.of(spec);
        KafkaSync sync = new KafkaSync(settings);
        List<Map<String, Object>> results = new ArrayList<>();
        if (ids.isEmpty() && !json) {
            console.println("No runs in " + home + ".");
        }
        for (String id : ids) {
            List<Event> events = JournalReader.read(JournalLayout.journalFile(home, id), console::warn);
            KafkaSync.SyncResult result = sync(sync, settings, id, events, console);
            if (json) {
                results.add(json(result));
            } else {
                console.println("run " + result.runId() + ": " + Plural.of(result.inJournal(), "event")
                        + " in the journal, " + result.alreadyInTopic() + " already in " + settings.topic() + ", "
                        + result.published() + " published");
            }
        }
        if (json) {
            console.json(results);
        }
        return 0;
    }

    /** One run's sync, announced when the broker is slow to answer. */
    private static KafkaSync.SyncResult sync(KafkaSync sync, KafkaSettings settings, String runId, List<Event> events,
            Console console) {
        String waiting = "syncing run " + runId + " with Kafka topic " + settings.topic() + " at "
                + settings.bootstrap() + " (up to " + KafkaSource.DEFAULT_TIMEOUT.toSeconds() + " s if the broker does"
                + " not answer)...";
        try (SlowNotice notice = new SlowNotice(SlowNotice.DELAY, console::note, waiting)) {
            return sync.sync(runId, events);
        }
    }

    private List<String> runIds() {
        if (all) {
            return new JournalSource(home).runIds();
        }
        List<String> matches = RunIdPrefix.matches(new JournalSource(home).runIds(), runId);
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("unknown run '" + runId + "': no journal at "
                    + JournalLayout.journalFile(home, runId) + "; see the known runs with " + listCommand());
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException(RunIdPrefix.ambiguous(runId, matches) + "; see the known runs with "
                    + listCommand());
        }
        return matches;
    }

    /** The {@code runs list} command for the journals this command reads. */
    private String listCommand() {
        return "./adr runs list" + (home.equals(JournalLayout.DEFAULT_HOME) ? "" : " --home " + home);
    }

    private static Map<String, Object> json(KafkaSync.SyncResult result) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("run_id", result.runId());
        json.put("in_journal", result.inJournal());
        json.put("already_in_topic", result.alreadyInTopic());
        json.put("published", result.published());
        return json;
    }
}
