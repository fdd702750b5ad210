package adr.spi;

import adr.spi.clustering.ClusteringFactory;
import adr.spi.events.EventSinkFactory;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.strategy.AdaptationStrategyFactory;
import java.util.List;

/**
 * What a plugin jar offers: named factories of each kind, its id and version, and the
 * SPI version it was compiled against. Registered for {@link java.util.ServiceLoader}
 * in {@code META-INF/services/adr.spi.Plugin}; needs a public no-argument constructor.
 *
 * <p>Factory names are unique per kind across all loaded plugins; the engine refuses
 * duplicates before training starts.
 */
public interface Plugin {

    /** A stable identifier, for example {@code "adr-lsh"}. */
    String id();

    String version();

    /** Return {@code new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR)}: the constants are compiled in. */
    SpiVersion spiVersion();

    default List<ClusteringFactory> clustering() {
        return List.of();
    }

    default List<ReusePolicyFactory> policies() {
        return List.of();
    }

    default List<AdaptationStrategyFactory> strategies() {
        return List.of();
    }

    default List<EventSinkFactory> sinks() {
        return List.of();
    }
}
