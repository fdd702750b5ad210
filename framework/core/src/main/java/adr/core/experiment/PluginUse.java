package adr.core.experiment;

import adr.core.plugins.PluginKind;
import adr.core.plugins.PluginProvenance;
import java.util.Map;

/** One plugin factory a run uses, where it came from and its resolved configuration. */
public record PluginUse(PluginKind kind, String name, PluginProvenance provenance, Map<String, Object> config) {

    public PluginUse {
        config = Map.copyOf(config);
    }
}
