package adr.cli.runs;

import adr.tracking.projection.RunRegistry;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** A {@code runs} subcommand that reads the run history rebuilt by replay: list, show, compare. */
abstract class ReplayingCommand implements Callable<Integer> {
    @Mixin
    ReplayOptions replay;

    @ParentCommand
    RunsCommand parent;

    @Spec
    CommandSpec spec;

    Console console() {
        return Console.of(spec);
    }

    /** The registry replayed from the chosen source; problems go to the console as warnings. */
    RunRegistry registry(Console console) {
        return replay.replay(parent.clock(), console::warn, console::note);
    }
}
