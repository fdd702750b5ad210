package adr.plugins.strategies;

import adr.spi.reuse.ReuseSetting;
import adr.spi.strategy.ProbeResult;
import adr.spi.strategy.TrainingView;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * How much faster a setting makes a layer's step, from the median of a few timed probes:
 * step times on a shared machine spread, and one probe alone misleads.
 */
final class SpeedProbe {
    /** Probes per timing; their median ratio decides. */
    static final int PROBES = 3;

    private SpeedProbe() {
    }

    /** The probe with the median speed-up, or empty while the layer's input is not recorded. */
    static Optional<ProbeResult> median(TrainingView view, String layer, ReuseSetting setting) {
        List<ProbeResult> probes = new ArrayList<>();
        for (int i = 0; i < PROBES; i++) {
            view.probe(layer, setting).ifPresent(probes::add);
        }
        if (probes.isEmpty()) {
            return Optional.empty();
        }
        probes.sort(Comparator.comparingDouble(SpeedProbe::speedup));
        return Optional.of(probes.get(probes.size() / 2));
    }

    /** Exact step time over reuse step time. */
    static double speedup(ProbeResult probe) {
        return probe.exactSeconds() / Math.max(probe.reuseSeconds(), 1e-12);
    }
}
