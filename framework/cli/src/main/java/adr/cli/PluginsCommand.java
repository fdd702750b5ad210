package adr.cli;

import adr.cli.runs.Console;
import adr.cli.runs.TextTable;
import adr.core.plugins.PluginException;
import adr.core.plugins.PluginInfo;
import adr.core.plugins.PluginLoader;
import adr.core.plugins.PluginRegistry;
import adr.spi.SpiVersion;
import adr.spi.config.ConfigKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code adr plugins [NAME...]}: every clustering algorithm, reuse policy, adaptation
 * strategy and event sink found on the class path (the built-ins) and in the plugins
 * directory, with the jar each came from; with names, those plugins with their options.
 * Loading problems exit with code 2, one line per problem, after the listing of the
 * plugins that did load.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins found on the class path and in the plugins directory; with names, those"
                + " plugins and their options (the keys of --clustering-options, --policy-options,"
                + " --strategy-options and --sink-options).")
final class PluginsCommand implements Callable<Integer> {
    /** {@code --json} without a file: the JSON goes to standard output instead of the table. */
    private static final String STANDARD_OUTPUT = "-";

    @Parameters(paramLabel = "NAME", arity = "0..*", description = "plugins to show with their options, e.g. lsh")
    List<String> names = List.of();

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "directory of plugin jars (default: ./plugins under the working directory, if it exists)")
    Path pluginsDir;

    @Option(names = "--json", paramLabel = "FILE", arity = "0..1", fallbackValue = STANDARD_OUTPUT,
            description = "print JSON with every option instead of the table, or with FILE, also write it there")
    String json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PluginLoader loader = new PluginLoader();
        PluginRegistry registry;
        try {
            registry = pluginsDir == null ? loader.loadDefault() : loader.load(pluginsDir);
        } catch (PluginException e) {
            // the listing is where a user looks when a plugin is broken: show what did load, then the problems
            e.usablePlugins().filter(usable -> !usable.infos().isEmpty())
                    .ifPresent(usable -> printTable(out, usable.infos()));
            throw e;
        }
        requireJsonFile(registry.infos());
        List<PluginInfo> rows = named(registry.infos());
        if (STANDARD_OUTPUT.equals(json)) {
            Console.of(spec).json(PluginsJson.tree(rows));
            return 0;
        }
        if (names.isEmpty()) {
            printTable(out, rows);
            builtForNewerSpi(registry).forEach(out::println);
        } else {
            rows.forEach(row -> printOptions(out, row));
        }
        if (json != null) {
            OutputFile.writeJson("--json", Path.of(json), PluginsJson.tree(rows));
        }
        return 0;
    }

    /**
     * A note per plugin built for a newer minor SPI version than this ADR's: it loads (same
     * major), but calling what the newer version added fails the run.
     */
    private static List<String> builtForNewerSpi(PluginRegistry registry) {
        return registry.plugins().stream().filter(p -> p.spiVersion().minor() > SpiVersion.MINOR)
                .map(p -> "note: " + p.describe() + " was built for SPI " + p.spiVersion().major() + "."
                        + p.spiVersion().minor() + " and this ADR has " + SpiVersion.MAJOR + "." + SpiVersion.MINOR
                        + ": it loads, but a call to what the newer SPI added fails the run, naming both versions")
                .toList();
    }

    /** {@code --json lsh} takes "lsh" as the file: say so rather than write a file named after a plugin. */
    private void requireJsonFile(List<PluginInfo> all) {
        if (json != null && all.stream().anyMatch(row -> row.name().equals(json))) {
            throw new IllegalArgumentException("--json " + json + ": " + json + " is a plugin's name, taken as the"
                    + " JSON file; put names first (./adr plugins " + json + " --json) or give --json a file name");
        }
    }

    /** The plugins {@link #names} names (every one when none), or a one-line error naming the unknown ones. */
    private List<PluginInfo> named(List<PluginInfo> all) {
        if (names.isEmpty()) {
            return all;
        }
        List<String> unknown = names.stream().filter(n -> all.stream().noneMatch(row -> row.name().equals(n)))
                .distinct().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("no plugin named " + String.join(", ", unknown) + "; known: "
                    + String.join(", ", all.stream().map(PluginInfo::name).distinct().sorted().toList()));
        }
        return all.stream().filter(row -> names.contains(row.name())).toList();
    }

    private static void printTable(PrintWriter out, List<PluginInfo> rows) {
        if (rows.isEmpty()) {
            out.println("No plugins found.");
            out.flush();
            return;
        }
        TextTable table = new TextTable("KIND", "NAME", "PLUGIN", "SOURCE", "DESCRIPTION");
        for (PluginInfo row : rows) {
            table.row(row.kind().label(), row.name(), row.pluginId() + " " + row.version(), row.source(),
                    row.description());
        }
        table.print(out, "");
    }

    /** One plugin: what it is, where it came from, and its options with their types and defaults. */
    private static void printOptions(PrintWriter out, PluginInfo row) {
        out.println(row.name() + " (" + row.kind().label() + "), plugin " + row.pluginId() + " " + row.version()
                + " from " + row.source());
        out.println("  " + row.description());
        if (row.configKeys().isEmpty()) {
            out.println("  no options");
        } else {
            TextTable table = new TextTable("OPTION", "TYPE", "DEFAULT", "DESCRIPTION");
            for (ConfigKey key : row.configKeys()) {
                table.row(key.name(), key.type().name().toLowerCase(Locale.ROOT), String.valueOf(key.defaultValue()),
                        key.doc());
            }
            table.print(out, "  ");
        }
        out.flush();
    }
}
