package adr.core.plugins;

import adr.spi.SpiVersion;
import java.util.Arrays;
import java.util.function.Supplier;

/**
 * Calls into one chosen plugin while a run trains, so that a failure of its code, or a
 * result that breaks its contract, is reported as that plugin's, with its jar, what it
 * was doing and the fix, instead of a stack trace from inside the engine.
 */
public final class PluginGuard {
    private final String plugin;
    private final String flag;
    private final SpiVersion builtFor;

    PluginGuard(PluginKind kind, String name, PluginProvenance provenance) {
        this.plugin = kind.label() + " " + name + " from " + provenance.describe();
        this.flag = "--" + kind.label();
        this.builtFor = provenance.spiVersion();
    }

    /** The guard of a run's chosen plugin. */
    public static PluginGuard of(PluginSelection.Selected<?> selected) {
        return new PluginGuard(selected.kind(), selected.name(), selected.provenance());
    }

    /**
     * Runs the plugin's {@code work}.
     *
     * @param during what the plugin is asked to do, e.g. "while clustering conv1 at {L=5, H=10}"
     * @throws PluginFailedException when the work throws
     */
    public <T> T call(String during, Supplier<T> work) {
        try {
            return work.get();
        } catch (PluginFailedException e) {
            throw e; // another plugin's, already named: a strategy's probe runs the clustering
        } catch (RuntimeException | LinkageError e) {
            if (outOfMemory(e)) {
                throw e; // the machine's limit, not the plugin's fault: the run reports it as such
            }
            throw new PluginFailedException(failure(during, e), e);
        }
    }

    private static boolean outOfMemory(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof OutOfMemoryError) {
                return true;
            }
        }
        return false;
    }

    /**
     * The one line for an exception thrown by the plugin's code, for a failure reported
     * with others before training ("strategy x from plugin ... failed while creating it: ...").
     * A linkage error (a method or class this ADR's SPI lacks) names the SPI versions when the
     * plugin was built for a newer minor version: the loader accepts any of the same major.
     */
    public String failure(String during, Throwable e) {
        String versions = e instanceof LinkageError && builtFor.minor() > SpiVersion.MINOR
                ? "; it was built for SPI " + builtFor.major() + "." + builtFor.minor() + " and this ADR has "
                        + SpiVersion.MAJOR + "." + SpiVersion.MINOR + ": use a newer ADR, or build the plugin against"
                        + " this adr-spi"
                : "";
        return plugin + " failed " + during + ": " + describe(e) + versions + fix();
    }

    /** As {@link #call}, for work without a result. */
    public void run(String during, Runnable work) {
        call(during, () -> {
            work.run();
            return null;
        });
    }

    /** @param broken what the plugin returned and what the contract asks instead */
    public PluginFailedException brokeContract(String during, String broken) {
        return new PluginFailedException(plugin + " broke its contract " + during + ": " + broken + fix(), null);
    }

    private String fix() {
        return "; report it to the plugin's author, or choose another " + flag;
    }

    /** The exception's type, first message line and the frame that threw it, outside the JDK. */
    static String describe(Throwable e) {
        String message = e.getMessage() == null ? "" : ": " + e.getMessage().lines().findFirst().orElse("");
        String frame = Arrays.stream(e.getStackTrace()).filter(f -> !f.getClassName().matches("(java|jdk|sun)\\..*"))
                .findFirst().map(f -> " (at " + f.getClassName() + "." + f.getMethodName() + "(" + f.getFileName() + ":"
                        + f.getLineNumber() + "))").orElse("");
        return e.getClass().getSimpleName() + message + frame;
    }
}
