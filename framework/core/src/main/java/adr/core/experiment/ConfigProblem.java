package adr.core.experiment;

/**
 * One invalid value of a run's configuration. The key stays apart from the message so
 * that a front end can name the value where the user gave it: {@code --epochs} for a
 * flag, {@code exp.yaml: epochs} for a file.
 *
 * @param key the configuration key ({@code epochs}, {@code L}), as in {@link ExperimentConfig#asMap()}
 * @param message what is wrong and what is allowed, without the key
 */
public record ConfigProblem(String key, String message) {
    /** The problem under its key alone, where no source is known: {@code epochs: must be at least 1, got 0}. */
    @Override
    public String toString() {
        return key + ": " + message;
    }
}
