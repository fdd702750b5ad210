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
 * ({@link adr.spi.strategy.AdaptationStrategy#resume}). Checkpoints written before these
 * entries existed have none, and an entry that does not parse is passed over: its layer's
 * strategy then starts afresh, as it did before.
 */
public final class SavedReuse {
    static final String PREFIX = "reuse-setting.";
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
