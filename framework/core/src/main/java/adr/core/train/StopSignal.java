package adr.core.train;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Asks a training loop to stop at the next step boundary, for example from a signal
 * handler. The loop finishes the step it is in, so the model and optimizer state are
 * consistent and can be checkpointed.
 */
public final class StopSignal {
    private final AtomicBoolean requested = new AtomicBoolean();

    public void request() {
        requested.set(true);
    }

    public boolean requested() {
        return requested.get();
    }
}
