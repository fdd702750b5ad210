package adr.plugins.strategies;

import adr.spi.reuse.ReuseSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The strategies' state entries in a checkpoint ({@code AdaptationStrategy#state}): levels
 * as {@code L:H}, lists of them comma-separated, steps as whole numbers. Reading is
 * lenient: an entry that does not parse (a checkpoint edited by hand, or written by a
 * later version) reads as absent, and the strategy falls back to what it did without it.
 */
final class SavedState {
    private SavedState() {
    }

    static String level(ReuseSetting setting) {
        return setting.subVectorLength() + ":" + setting.hashBits();
    }

    static String levels(List<ReuseSetting> settings) {
        return String.join(",", settings.stream().map(SavedState::level).toList());
    }

    static Optional<ReuseSetting> level(Map<String, String> state, String key) {
        return levels(state, key).filter(list -> list.size() == 1).map(list -> list.get(0));
    }

    /** Empty when the entry is absent or any item is not a level; an empty list for an empty entry. */
    static Optional<List<ReuseSetting>> levels(Map<String, String> state, String key) {
        String text = state.get(key);
        if (text == null) {
            return Optional.empty();
        }
        List<ReuseSetting> settings = new ArrayList<>();
        try {
            for (String item : text.isBlank() ? new String[0] : text.split(",")) {
                settings.add(Ladder.parseLevel(key, item.strip()));
            }
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        return Optional.of(settings);
    }

    static OptionalLong number(Map<String, String> state, String key) {
        try {
            return state.containsKey(key) ? OptionalLong.of(Long.parseLong(state.get(key))) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }
}
