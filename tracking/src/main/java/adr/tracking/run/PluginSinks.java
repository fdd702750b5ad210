package adr.tracking.run;

import adr.core.experiment.PluginUse;
import adr.core.plugins.PluginChoices;
import adr.core.plugins.PluginException;
import adr.core.plugins.PluginLoader;
import adr.core.plugins.PluginRegistry;
import adr.core.plugins.PluginSelection;
import adr.spi.events.EventSink;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Event sinks offered by plugins ({@code adr.spi.events.EventSinkFactory}), chosen by name
 * with {@code --sink}: found in the plugins directory like every other plugin, their
 * configuration validated up front, every problem reported together before training.
 *
 * @param sinks the created sinks, fed after the journal like the Kafka sink
 * @param uses the chosen factories with their provenance, for {@code RunStarted}
 */
public record PluginSinks(List<EventSink> sinks, List<PluginUse> uses) {
    public static final PluginSinks NONE = new PluginSinks(List.of(), List.of());

    public PluginSinks {
        sinks = List.copyOf(sinks);
        uses = List.copyOf(uses);
    }

    /**
     * Loads the plugins and creates the sinks named {@code names}; {@code options} keys are
     * {@code SINK.KEY}, each going to the sink it names.
     *
     * @param pluginsDir the plugins directory, or null for the default {@code ./plugins}
     * @throws PluginException listing every unknown sink name, bad option and broken jar
     */
    public static PluginSinks create(List<String> names, Map<String, ?> options, Path pluginsDir) {
        if (names.isEmpty()) {
            return NONE;
        }
        PluginLoader loader = new PluginLoader();
        PluginRegistry registry = pluginsDir == null ? loader.loadDefault() : loader.load(pluginsDir);
        PluginChoices choices = PluginChoices.NONE;
        for (String name : names) {
            choices = choices.withSink(name, optionsOf(name, options));
        }
        PluginSelection selection = PluginSelection.resolve(choices, registry);
        List<EventSink> sinks = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (var chosen : selection.sinks()) {
            try {
                sinks.add(chosen.factory().create(chosen.config()));
            } catch (IllegalArgumentException e) {
                problems.add("sink " + chosen.name() + ": " + e.getMessage());
            }
        }
        if (!problems.isEmpty()) {
            throw new PluginException(problems);
        }
        return new PluginSinks(sinks, selection.sinks().stream().map(s -> new PluginUse(s.kind(), s.name(),
                s.provenance(), s.config().asMap())).toList());
    }

    private static Map<String, Object> optionsOf(String sink, Map<String, ?> options) {
        Map<String, Object> own = new java.util.LinkedHashMap<>();
        options.forEach((key, value) -> {
            if (key.startsWith(sink + ".")) {
                own.put(key.substring(sink.length() + 1), value);
            }
        });
        return own;
    }
}
