package adr.core.reuse;

import adr.spi.reuse.ReuseSetting;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Each convolution's reuse setting as a checkpoint keeps it, among the checkpoint's
 * configuration entries ({@code reuse-setting.conv1 = 25:8}, or {@code exact}), so that a
 * continued run can tell its strategy where every layer was
 * ({@link adr.spi.strategy.AdaptationStrategy#resume}), and what the strategy knew of each
 * layer beyond that ({@code strategy-state.conv1.too-slow = 5:10},
 * {@link adr.spi.strategy.AdaptationStrategy#state}). Checkpoints written before these
 * entries existed have none, and a setting that does not parse is passed over: its layer's
 * strategy then starts afresh, as it did before. Layer names hold no dot, so the first dot
 * after the layer's name starts the strategy's key.
 */
public final class SavedReuse {
    static final String PREFIX = "reuse-setting.";
    static final String STATE_PREFIX = "strategy-state.";
    private static final String EXACT = "exact";

    private SavedReuse() {
    }

    /** The entries for the layers' current settings, in network order. */
    public static Map<String, String> entries(List<LayerState> layers) {
        Map<String, String> entries = new LinkedHashMap<>();
        for (LayerState layer : layers) {
            ReuseSetting s = layer.setting();
            entries.put(PREFIX + layer.layer(), s == null ? EXACT : s.subVectorLength() + ":" + s.hashBits());
        }
        return entries;
    }

    /** The entries for the layers' settings and the strategy's state of each (by layer name). */
    public static Map<String, String> entries(List<LayerState> layers, Map<String, Map<String, String>> states) {
        Map<String, String> entries = entries(layers);
        states.forEach((layer, state) -> state.forEach((key, value) -> entries.put(STATE_PREFIX + layer + "." + key,
                value)));
        return entries;
    }

    /**
     * The checkpoint's entries for a run with {@code strategy}: without the strategy state
     * when another strategy saved it, whose keys would mean something else or nothing.
     */
    public static Map<String, String> forStrategy(Map<String, String> checkpointConfig, String strategy) {
        if (strategy.equals(checkpointConfig.get("strategy"))) {
            return checkpointConfig;
        }
        Map<String, String> kept = new LinkedHashMap<>(checkpointConfig);
        kept.keySet().removeIf(key -> key.startsWith(STATE_PREFIX));
        return kept;
    }

    /** Each layer's saved strategy state, by layer name; a layer with none is absent. */
    static Map<String, Map<String, String>> states(Map<String, String> checkpointConfig) {
        Map<String, Map<String, String>> states = new LinkedHashMap<>();
        checkpointConfig.forEach((key, value) -> {
            int dot = key.indexOf('.', STATE_PREFIX.length());
            if (key.startsWith(STATE_PREFIX) && dot > STATE_PREFIX.length()) {
                states.computeIfAbsent(key.substring(STATE_PREFIX.length(), dot), layer -> new LinkedHashMap<>())
                        .put(key.substring(dot + 1), value);
            }
        });
        return states;
    }

    /** Hands every saved layer's name and setting (null: exact) to {@code action}. */
    static void forEach(Map<String, String> checkpointConfig, BiConsumer<String, ReuseSetting> action) {
        checkpointConfig.forEach((key, value) -> {
            if (!key.startsWith(PREFIX)) {
                return;
            }
            String layer = key.substring(PREFIX.length());
            if (value.equals(EXACT)) {
                action.accept(layer, null);
            } else {
                parse(value).ifPresent(setting -> action.accept(layer, setting));
            }
        });
    }

    /** An {@code L:H} entry; empty when it was not written by this class (see the class comment). */
    private static Optional<ReuseSetting> parse(String value) {
        String[] lh = value.split(":");
        try {
            return Optional.of(new ReuseSetting(Integer.parseInt(lh[0]), Integer.parseInt(lh[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
