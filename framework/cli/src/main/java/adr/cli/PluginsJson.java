package adr.cli;

import adr.core.plugins.PluginInfo;
import adr.spi.config.ConfigKey;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code adr plugins --json}: an array of objects with snake_case keys, one per factory. */
final class PluginsJson {

    private PluginsJson() {
    }

    static List<Map<String, Object>> tree(List<PluginInfo> rows) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (PluginInfo row : rows) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("kind", row.kind().label());
            fields.put("name", row.name());
            fields.put("plugin_id", row.pluginId());
            fields.put("plugin_version", row.version());
            fields.put("source", row.source());
            fields.put("description", row.description());
            fields.put("config_keys", row.configKeys().stream().map(PluginsJson::key).toList());
            list.add(fields);
        }
        return list;
    }

    private static Map<String, Object> key(ConfigKey key) {
        Map<String, Object> k = new LinkedHashMap<>();
        k.put("name", key.name());
        k.put("type", key.type().name().toLowerCase(Locale.ROOT));
        k.put("default", key.defaultValue());
        k.put("doc", key.doc());
        return k;
    }
}
