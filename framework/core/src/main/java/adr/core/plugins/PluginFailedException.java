package adr.core.plugins;

/**
 * A chosen plugin's code threw, or returned a result that breaks its SPI contract, while
 * the run trained. The message is one line naming the plugin, its jar, what it was doing
 * and the fix; the plugin's own exception, if any, is the cause. Everything the run
 * recorded before stays in its journal.
 */
public final class PluginFailedException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PluginFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
