package adr.core.plugins;

import adr.spi.NamedFactory;
import adr.spi.Plugin;
import adr.spi.SpiVersion;
import adr.spi.config.ConfigKey;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Checks plugins one by one and collects every problem instead of stopping at the
 * first, so one {@link PluginException} can list them all. Plugin code is foreign:
 * each call into it is guarded, and a plugin that fails contributes a problem line,
 * not a stack trace.
 */
final class RegistryBuilder {
    /** The SPI's rule for factory names: lower-case with dashes. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final List<String> problems = new ArrayList<>();
    private final Map<String, PluginProvenance> pluginsById = new LinkedHashMap<>();
    private final Map<PluginKind, Map<String, List<PluginRegistry.Entry>>> offers = new EnumMap<>(PluginKind.class);

    void problem(String line) {
        problems.add(line);
    }

    /** Checks and records one plugin found at {@code source} (a jar path or "classpath"). */
    void add(Plugin plugin, String source) {
        String where = PluginProvenance.location(source);
        String className = plugin.getClass().getName();
        String id;
        String version;
        SpiVersion spi;
        try {
            id = plugin.id();
            version = plugin.version();
            spi = plugin.spiVersion();
        } catch (RuntimeException | LinkageError e) {
            problem(where + ": plugin class " + className + " failed to report its id, version or SPI version ("
                    + e + "); fix the plugin or remove it");
            return;
        }
        if (id == null || id.isBlank() || version == null || version.isBlank() || spi == null) {
            problem(where + ": plugin class " + className + " returns no id(), version() or spiVersion(); "
                    + "return a stable id, a version and new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR)");
            return;
        }
        if (!SpiVersion.CURRENT.compatibleWith(spi)) {
            problem("plugin '" + id + "' (" + where + ") was built for SPI " + spi + ", this ADR has SPI "
                    + SpiVersion.CURRENT + "; rebuild it against adr-spi " + SpiVersion.CURRENT);
            return;
        }
        PluginProvenance provenance = new PluginProvenance(id, version, spi, source);
        PluginProvenance earlier = pluginsById.putIfAbsent(id, provenance);
        if (earlier != null) {
            problem("plugin '" + id + "' is loaded twice: " + earlier.version() + " from "
                    + PluginProvenance.location(earlier.source()) + " and " + version + " from " + where
                    + "; remove one of them");
            return;
        }
        for (PluginKind kind : PluginKind.values()) {
            addFactories(plugin, kind, provenance);
        }
    }

    private void addFactories(Plugin plugin, PluginKind kind, PluginProvenance provenance) {
        String owner = provenance.describe();
        List<? extends NamedFactory> factories;
        try {
            factories = kind.offeredBy(plugin);
        } catch (RuntimeException | LinkageError e) {
            problem(owner + ": " + kind.accessor() + " failed (" + e + "); fix the plugin or remove it");
            return;
        }
        if (factories == null) {
            problem(owner + ": " + kind.accessor() + " returned null; return List.of() when it offers none");
            return;
        }
        for (Object offered : factories) {
            if (!kind.factoryType().isInstance(offered)) {
                problem(owner + ": " + kind.accessor() + " lists " + offered + ", not a "
                        + kind.factoryType().getSimpleName() + "; list only factory objects");
                continue;
            }
            NamedFactory factory = kind.factoryType().cast(offered);
            String name = checkedName(factory, kind, owner);
            if (name != null) {
                offers.computeIfAbsent(kind, k -> new LinkedHashMap<>()).computeIfAbsent(name, n -> new ArrayList<>())
                        .add(new PluginRegistry.Entry(factory, provenance));
            }
        }
    }

    /** The factory's name if it and its description and keys can be read and are valid; else null. */
    private String checkedName(NamedFactory factory, PluginKind kind, String owner) {
        String what = owner + ": " + kind.label() + " factory " + factory.getClass().getName();
        try {
            String name = factory.name();
            String description = factory.description();
            List<ConfigKey> keys = factory.configKeys();
            if (name == null || !NAME.matcher(name).matches()) {
                problem(what + " has the invalid name '" + name + "'; use lower-case letters, digits and dashes");
                return null;
            }
            if (description == null || keys == null || keys.stream().anyMatch(Objects::isNull)) {
                problem(what + " ('" + name + "') returns a null description() or configKeys(); return text and a"
                        + " list of keys (List.of() for none)");
                return null;
            }
            return name;
        } catch (RuntimeException | LinkageError e) {
            problem(what + " failed to report its name, description or keys (" + e + "); fix the plugin");
            return null;
        }
    }

    /**
     * The registry, or every problem found: the ones recorded so far plus every factory
     * name offered by more than one plugin.
     */
    PluginRegistry build() {
        Map<PluginKind, Map<String, PluginRegistry.Entry>> unique = new EnumMap<>(PluginKind.class);
        List<String> all = new ArrayList<>(problems);
        offers.forEach((kind, byName) -> byName.forEach((name, entries) -> {
            if (entries.size() > 1) {
                all.add(kind.label() + " name '" + name + "' is offered by " + entries.size() + " plugins: "
                        + String.join(" and ", entries.stream().map(e -> e.provenance().describe()).toList())
                        + "; remove all but one of these plugins or rename the factories");
            } else {
                unique.computeIfAbsent(kind, k -> new LinkedHashMap<>()).put(name, entries.get(0));
            }
        }));
        PluginRegistry registry = new PluginRegistry(unique, List.copyOf(pluginsById.values()));
        if (!all.isEmpty()) {
            throw new PluginException(all, registry);
        }
        return registry;
    }
}
