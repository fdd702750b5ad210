package adr.plugins.strategies;

import adr.spi.LayerShape;
import adr.spi.reuse.ReuseSetting;
import java.util.ArrayList;
import java.util.List;

/**
 * The adaptive strategy's levels from coarse to fine, {@code L:H} items separated by
 * commas, for example {@code 25:4,25:6,25:8,25:10}; exact computation is the implicit
 * rung after the last. Each level is at least as fine as the one before (L not larger,
 * H not smaller) and differs from it.
 */
record Ladder(List<ReuseSetting> levels) {

    Ladder {
        levels = List.copyOf(levels);
    }

    /** @throws IllegalArgumentException naming the key {@code ladder} */
    static Ladder parse(String text) {
        List<ReuseSetting> levels = new ArrayList<>();
        for (String item : text.split(",")) {
            levels.add(parseLevel("ladder", item.strip()));
        }
        for (int i = 1; i < levels.size(); i++) {
            ReuseSetting coarse = levels.get(i - 1);
            ReuseSetting fine = levels.get(i);
            if (fine.subVectorLength() > coarse.subVectorLength() || fine.hashBits() < coarse.hashBits()
                    || fine.equals(coarse)) {
                throw new IllegalArgumentException("ladder: levels must go from coarse to fine (L not rising, "
                        + "H not falling, each different), got " + coarse + " then " + fine + " in '" + text + "'");
            }
        }
        return new Ladder(levels);
    }

    /**
     * One {@code L:H} item of the option {@code key}.
     *
     * @throws IllegalArgumentException naming {@code key}
     */
    static ReuseSetting parseLevel(String key, String item) {
        String[] lh = item.split(":");
        try {
            if (lh.length != 2) {
                throw new IllegalArgumentException(item);
            }
            return new ReuseSetting(Integer.parseInt(lh[0].strip()), Integer.parseInt(lh[1].strip()));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(key + ": expected L:H (whole numbers, L >= 1, H in 1..30), got '"
                    + item + "'", e);
        }
    }

    /**
     * The levels for one layer: {@code L} capped at its row length, and a level that
     * capping made equal to the one before dropped, so that every move changes the setting.
     */
    List<ReuseSetting> forLayer(LayerShape layer) {
        List<ReuseSetting> capped = new ArrayList<>();
        for (ReuseSetting level : levels) {
            ReuseSetting s = new ReuseSetting(Math.min(level.subVectorLength(), layer.rowLength()), level.hashBits());
            if (capped.isEmpty() || !capped.get(capped.size() - 1).equals(s)) {
                capped.add(s);
            }
        }
        return List.copyOf(capped);
    }
}
