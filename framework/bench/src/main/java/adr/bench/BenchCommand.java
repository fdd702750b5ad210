package adr.bench;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code adr bench}: the side-by-side benchmarks; each kind is a subcommand. */
@Command(name = "adr bench", mixinStandardHelpOptions = true, version = "adr bench 0.1.0",
        description = "Measure ADR's speed side by side with a reference, after warm-up, in one process.",
        subcommands = {PeerCommand.class, ConvCommand.class, TrainBenchCommand.class})
final class BenchCommand implements Runnable {

    @Override
    public void run() {
        new CommandLine(this).usage(System.out);
    }
}
