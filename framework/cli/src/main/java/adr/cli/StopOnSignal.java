package adr.cli;

import adr.core.train.StopSignal;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import sun.misc.Signal;
import sun.misc.SignalHandler;

/**
 * Turns SIGINT and SIGTERM into a {@link StopSignal}: training stops after the step it is
 * in, writes a checkpoint and {@code RunInterrupted}, and the process exits with 128 plus
 * the signal number. A second signal exits at once; the journal already holds every event
 * written, and the run shows as abandoned until it is resumed. Installed for one run and
 * restored afterwards.
 */
final class StopOnSignal implements AutoCloseable {
    private static final List<String> SIGNALS = List.of("INT", "TERM");

    private final StopSignal stop;
    private final PrintStream err;
    private final List<Signal> installed = new ArrayList<>();
    private final List<SignalHandler> previous = new ArrayList<>();
    private volatile Signal received;

    StopOnSignal(StopSignal stop, PrintStream err) {
        this.stop = stop;
        this.err = err;
        for (String name : SIGNALS) {
            Signal signal = new Signal(name);
            previous.add(Signal.handle(signal, this::handle));
            installed.add(signal);
        }
    }

    private void handle(Signal signal) {
        if (received != null) {
            err.println("adr: SIG" + signal.getName() + " again: exiting now without a checkpoint");
            Runtime.getRuntime().halt(128 + signal.getNumber());
        }
        received = signal;
        err.println("adr: SIG" + signal.getName() + " received: stopping after this step and writing a checkpoint"
                + " (send it again to exit at once)");
        stop.request();
    }

    /** "INT" or "TERM", or null when no signal came. */
    String signalName() {
        Signal s = received;
        return s == null ? null : s.getName();
    }

    /** The conventional exit code for the signal received (130 for INT, 143 for TERM). */
    int exitCode() {
        Signal s = received;
        return s == null ? 0 : 128 + s.getNumber();
    }

    @Override
    public void close() {
        for (int i = 0; i < installed.size(); i++) {
            Signal.handle(installed.get(i), previous.get(i));
        }
    }
}
