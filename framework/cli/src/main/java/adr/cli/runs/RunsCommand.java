package adr.cli.runs;

import java.time.Clock;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code adr runs}: the tracked runs, rebuilt by replaying the journals under the ADR home
 * or the Kafka topic. Listing, showing and comparing only read; {@code sync} publishes
 * journal events that Kafka missed.
 */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "List, show and compare tracked runs; sync their journals to Kafka.",
        subcommands = {ListRunsCommand.class, ShowRunCommand.class, CompareRunsCommand.class, SyncRunsCommand.class})
public final class RunsCommand implements Runnable {
    private final Clock clock;

    @Spec
    CommandSpec spec;

    public RunsCommand() {
        this(Clock.systemUTC());
    }

    /** With the clock that heartbeat silence is measured to. */
    public RunsCommand(Clock clock) {
        this.clock = clock;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
