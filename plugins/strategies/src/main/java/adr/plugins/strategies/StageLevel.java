package adr.plugins.strategies;

import adr.spi.reuse.ReuseSetting;
import java.util.ArrayList;
import java.util.List;

/**
 * One level of a staged schedule: a setting (null = exact) from a fraction of training on.
 */
record StageLevel(ReuseSetting setting, double from) {

    /** Parses {@code L:H@fraction} or {@code exact@fraction} items separated by commas, in rising order from 0. */
    static List<StageLevel> parseList(String text) {
        List<StageLevel> levels = new ArrayList<>();
        for (String item : text.split(",")) {
            levels.add(parse(item.strip()));
        }
        if (levels.get(0).from() != 0) {
            throw new IllegalArgumentException("levels: the first level must start @0, got '" + text + "'");
        }
        for (int i = 1; i < levels.size(); i++) {
            if (levels.get(i).from() <= levels.get(i - 1).from() || levels.get(i).from() >= 1) {
                throw new IllegalArgumentException("levels: start fractions must rise and stay below 1, got '"
                        + text + "'");
            }
        }
        return List.copyOf(levels);
    }

    private static StageLevel parse(String item) {
        int at = item.indexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException("levels: expected L:H@fraction or exact@fraction, got '" + item + "'");
        }
        String what = item.substring(0, at).strip();
        double from;
        try {
            from = Double.parseDouble(item.substring(at + 1).strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("levels: '" + item + "' has no number after @", e);
        }
        if (what.equals("exact")) {
            return new StageLevel(null, from);
        }
        return new StageLevel(Ladder.parseLevel("levels", what), from);
    }
}
