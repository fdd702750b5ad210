package adr.tracking.events;

import java.util.List;
import java.util.Map;

/**
 * A run began, or resumed ({@code resumed} true, from {@code startEpoch} and {@code startStep}).
 *
 * @param config the resolved configuration, every key with its value
 * @param plugins provenance of every plugin the run uses
 * @param heartbeatSeconds how often the run writes a heartbeat; a reader treats a run
 *     silent for several of these as abandoned
 */
public record RunStarted(String model, String dataset, String strategy, String clustering,
        Map<String, Object> config, List<PluginUse> plugins, int epochs, long totalSteps, int trainImages,
        int testImages, String host, long pid, int heartbeatSeconds, boolean resumed, int startEpoch,
        long startStep) implements EventPayload {

    /**
     * One plugin in use.
     *
     * @param kind clustering, policy, strategy or sink
     * @param source the jar's path, or "classpath" for the built-ins
     * @param config the factory's resolved configuration, every declared key with its value
     */
    public record PluginUse(String kind, String name, String pluginId, String version, String spiVersion,
            String source, Map<String, Object> config) {
    }
}
