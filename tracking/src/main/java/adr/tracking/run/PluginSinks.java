package adr.tracking.run;

import adr.core.experiment.PluginUse;
import adr.core.plugins.PluginChoices;
import adr.core.plugins.PluginException;
import adr.core.plugins.NamedOptions;
import adr.core.plugins.PluginGuard;
import adr.core.plugins.PluginLoader;
import adr.core.plugins.PluginRegistry;
import adr.core.plugins.PluginSelection;
import adr.spi.events.EventSink;
import adr.spi.events.EventSinkFactory;
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
     * The sinks named {@code names}, chosen and their options checked, not created yet:
     * a mistake here is reported before the run's data is read.
     */
    public static final class Chosen {
        private final List<PluginSelection.Selected<EventSinkFactory>> selected;

        private Chosen(List<PluginSelection.Selected<EventSinkFactory>> selected) {
            this.selected = List.copyOf(selected);
        }

        /**
         * Creates the sinks.
         *
         * @throws PluginException listing every option a factory refused
         */
        public PluginSinks create() {
            if (selected.isEmpty()) {
                return NONE;
            }
            List<EventSink> sinks = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (var chosen : selected) {
                try {
                    sinks.add(new PluginSink(chosen.factory().create(chosen.config()), "sink " + chosen.name()
                            + " from " + chosen.provenance().describe()));
                } catch (IllegalArgumentException e) {
                    problems.add("sink " + chosen.name() + ": " + e.getMessage());
                } catch (RuntimeException | LinkageError e) {
                    problems.add(PluginGuard.of(chosen).failure("while creating it", e));
                }
            }
            if (!problems.isEmpty()) {
                sinks.forEach(EventSink::close);
                throw new PluginException(problems);
            }
            return new PluginSinks(sinks, selected.stream().map(s -> new PluginUse(s.kind(), s.name(),
                    s.provenance(), s.config().asMap())).toList());
        }
    }

    /**
     * Loads the plugins and chooses the sinks named {@code names}; {@code options} keys
     * are {@code SINK.KEY}, each going to the sink it names.
     *
     * @param pluginsDir the plugins directory, or null for the default {@code ./plugins}
     * @throws PluginException listing every unknown sink name, bad option and broken jar
     */
    public static Chosen choose(List<String> names, Map<String, ?> options, Path pluginsDir) {
        List<String> strays = strayOptions(names, options);
        if (!strays.isEmpty()) {
            throw new PluginException(strays);
        }
        if (names.isEmpty()) {
            return new Chosen(List.of());
        }
        PluginLoader loader = new PluginLoader();
        PluginRegistry registry = pluginsDir == null ? loader.loadDefault() : loader.load(pluginsDir);
        PluginChoices choices = PluginChoices.NONE;
        for (String name : names) {
            choices = choices.withSink(name, NamedOptions.<Object>of(name, options));
        }
        return new Chosen(PluginSelection.resolve(choices, registry).sinks());
    }

    /** Options no chosen sink reads: a sink left out of --sink, or a key without its sink's name. */
    private static List<String> strayOptions(List<String> names, Map<String, ?> options) {
        List<String> problems = new ArrayList<>();
        for (String key : options.keySet()) {
            String sink = key.substring(0, Math.max(0, key.indexOf('.')));
            if (sink.isEmpty()) {
                problems.add("--sink-options " + key + ": expected SINK.KEY=VALUE, for example lines.path=/tmp/e.log");
            } else if (List.of("journal", "kafka").contains(sink)) {
                problems.add("--sink-options " + key + ": the built-in " + sink + " sink takes no options (Kafka's"
                        + " are --kafka-bootstrap and --kafka-topic)");
            } else if (!names.contains(sink)) {
                problems.add("--sink-options " + key + " is for sink '" + sink + "', which --sink does not name;"
                        + " add --sink " + sink + " or drop the option");
            }
        }
        return problems;
    }
}
