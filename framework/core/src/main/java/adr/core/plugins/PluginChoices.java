package adr.core.plugins;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The plugin names a run chose, each with its raw configuration values (from the
 * experiment file or flags, not yet validated). Any of them may be absent.
 */
public record PluginChoices(Optional<Choice> clustering, Optional<Choice> policy, Optional<Choice> strategy,
        List<Choice> sinks) {

    /** Nothing chosen. */
    public static final PluginChoices NONE = new PluginChoices(Optional.empty(), Optional.empty(), Optional.empty(),
            List.of());

    /**
     * One chosen factory.
     *
     * @param config raw values by key; validated against the factory's keys by {@link PluginSelection}
     */
    public record Choice(String name, Map<String, Object> config) {
        public Choice {
            Objects.requireNonNull(name, "name");
            config = Map.copyOf(config);
        }

        public static Choice of(String name, Map<String, ?> config) {
            return new Choice(name, Map.<String, Object>copyOf(config));
        }
    }

    public PluginChoices {
        Objects.requireNonNull(clustering, "clustering");
        Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(strategy, "strategy");
        sinks = List.copyOf(sinks);
    }

    public PluginChoices withClustering(String name, Map<String, ?> config) {
        return new PluginChoices(Optional.of(Choice.of(name, config)), policy, strategy, sinks);
    }

    public PluginChoices withPolicy(String name, Map<String, ?> config) {
        return new PluginChoices(clustering, Optional.of(Choice.of(name, config)), strategy, sinks);
    }

    public PluginChoices withStrategy(String name, Map<String, ?> config) {
        return new PluginChoices(clustering, policy, Optional.of(Choice.of(name, config)), sinks);
    }

    /** Adds one event sink; a run may have several. */
    public PluginChoices withSink(String name, Map<String, ?> config) {
        List<Choice> more = new ArrayList<>(sinks);
        more.add(Choice.of(name, config));
        return new PluginChoices(clustering, policy, strategy, more);
    }
}
