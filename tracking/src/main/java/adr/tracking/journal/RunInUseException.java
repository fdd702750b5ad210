package adr.tracking.journal;

/** A run's journal is held by a live process, so this one may neither write nor resume it. */
public final class RunInUseException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    RunInUseException(String runId, String holder) {
        super("run " + runId + " is being written by another process (" + holder + "); wait for it to finish, or"
                + " stop it (Ctrl-C, or kill with its pid: it checkpoints first) and resume it then");
    }
}
