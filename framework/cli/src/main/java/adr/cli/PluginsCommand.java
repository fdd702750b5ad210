package adr.cli;

import adr.core.plugins.PluginException;
import adr.core.plugins.PluginInfo;
import adr.core.plugins.PluginLoader;
import adr.core.plugins.PluginRegistry;
import adr.spi.config.ConfigKey;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code adr plugins}: every clustering algorithm, reuse policy, adaptation strategy and
 * event sink found on the class path (the built-ins) and in the plugins directory, with
 * the jar each came from. Loading problems exit with code 2, one line per problem, after
 * the listing of the plugins that did load.
 */
@Command(name = "plugins", mixinStandardHelpOptions = true,
        description = "List the plugins found on the class path and in the plugins directory.")
final class PluginsCommand implements Callable<Integer> {

    @Option(names = "--plugins-dir", paramLabel = "DIR",
            description = "directory of plugin jars (default: ./plugins under the working directory, if it exists)")
    Path pluginsDir;

    @Option(names = "--json", paramLabel = "FILE", description = "also write the list as JSON here")
    Path json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PluginLoader loader = new PluginLoader();
        PluginRegistry registry;
        try {
            registry = pluginsDir == null ? loader.loadDefault() : loader.load(pluginsDir);
        } catch (PluginException e) {
            // the listing is where a user looks when a plugin is broken: show what did load, then the problems
            e.usablePlugins().filter(usable -> !usable.infos().isEmpty())
                    .ifPresent(usable -> printTable(spec.commandLine().getOut(), usable.infos()));
            throw e;
        }
        List<PluginInfo> rows = registry.infos();
        printTable(spec.commandLine().getOut(), rows);
        if (json != null) {
            writeJson(json, rows);
        }
        return 0;
    }

    private static void printTable(PrintWriter out, List<PluginInfo> rows) {
        if (rows.isEmpty()) {
            out.println("No plugins found.");
            out.flush();
            return;
        }
        List<String[]> cells = new ArrayList<>();
        cells.add(new String[] {"KIND", "NAME", "PLUGIN", "SOURCE", "DESCRIPTION"});
        for (PluginInfo row : rows) {
            cells.add(new String[] {row.kind().label(), row.name(), row.pluginId() + " " + row.version(), row.source(),
                row.description()});
        }
        int[] widths = new int[4];
        for (String[] line : cells) {
            for (int c = 0; c < widths.length; c++) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        for (String[] line : cells) {
            StringBuilder text = new StringBuilder();
            for (int c = 0; c < widths.length; c++) {
                text.append(line[c]).append(" ".repeat(widths[c] - line[c].length() + 2));
            }
            out.println(text.append(line[4]).toString().stripTrailing());
        }
        out.flush();
    }

    /** An array of objects with snake_case keys, one per factory. */
    private static void writeJson(Path path, List<PluginInfo> rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (PluginInfo row : rows) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("kind", row.kind().label());
            fields.put("name", row.name());
            fields.put("plugin_id", row.pluginId());
            fields.put("plugin_version", row.version());
            fields.put("source", row.source());
            fields.put("description", row.description());
            List<Map<String, Object>> keys = new ArrayList<>();
            for (ConfigKey key : row.configKeys()) {
                Map<String, Object> k = new LinkedHashMap<>();
                k.put("name", key.name());
                k.put("type", key.type().name().toLowerCase(Locale.ROOT));
                k.put("default", key.defaultValue());
                k.put("doc", key.doc());
                keys.add(k);
            }
            fields.put("config_keys", keys);
            list.add(fields);
        }
        OutputFile.writeJson("--json", path, list);
    }
}
