package adr.core.train;

/**
 * A training or evaluation step asked for more memory than the process may use: native
 * memory (ND4J's arrays, refused by JavaCPP at its {@code maxphysicalbytes} ceiling, which
 * the launcher sets below the machine's memory) or the Java heap. Turned into an exception
 * the run can record as its failure, because the remedy is the user's: smaller batches.
 */
public final class TrainingOutOfMemoryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public TrainingOutOfMemoryException(OutOfMemoryError error, int batchSize, int evalBatchSize) {
        super("out of memory at batch size " + batchSize + " (evaluation batch size " + evalBatchSize + "): "
                + rootMessage(error) + "; lower --batch-size or --eval-batch-size" + heapHint(rootMessage(error))
                + " and train again", error);
    }

    /**
     * The Java heap is the launcher's {@code -Xmx8g} unless {@code ADR_JAVA_OPTS} sets
     * another, and the reuse kernels keep a batch's unfolded rows there: raising it is the
     * other remedy, which the native ceiling's message does not need.
     */
    private static String heapHint(String message) {
        return message.contains("Java heap space")
                ? ", or give Java a larger heap (ADR_JAVA_OPTS=-Xmx16g for ./adr, whose default is -Xmx8g),"
                : "";
    }

    /** The innermost out-of-memory message: JavaCPP's names the ceiling ("physicalBytes (13694M) > ..."). */
    private static String rootMessage(OutOfMemoryError error) {
        Throwable root = error;
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError && t.getMessage() != null) {
                root = t;
            }
        }
        return String.valueOf(root.getMessage()).lines().findFirst().orElse("");
    }
}
