package adr.plugins.lsh;

import adr.spi.Plugin;
import adr.spi.SpiVersion;
import adr.spi.clustering.ClusteringFactory;
import java.util.List;

/** The LSH plugin: one clustering factory, {@code lsh}. Found through {@link java.util.ServiceLoader}. */
public final class LshPlugin implements Plugin {

    @Override
    public String id() {
        return "adr-lsh";
    }

    @Override
    public String version() {
        return "0.1.0";
    }

    @Override
    public SpiVersion spiVersion() {
        return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public List<ClusteringFactory> clustering() {
        return List.of(new LshFactory());
    }
}
