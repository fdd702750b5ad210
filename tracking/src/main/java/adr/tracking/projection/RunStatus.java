package adr.tracking.projection;

/** Where a run stands, as judged from its events and, when known, whether its writer still lives. */
public enum RunStatus {
    /** Started or resumed, and its writer is alive (or was heard from recently). */
    RUNNING,
    /** Finished all its epochs. */
    COMPLETED,
    /** Stopped on an error. */
    FAILED,
    /** Stopped by a signal; it can be resumed from its checkpoint. */
    INTERRUPTED,
    /** Left RUNNING by a process that died without writing how it ended. */
    ABANDONED
}
