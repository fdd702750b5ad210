package adr.plugins.kmeans;

import adr.spi.Plugin;
import adr.spi.SpiVersion;
import adr.spi.clustering.ClusteringFactory;
import java.util.List;

/** Offers the {@code kmeans} clustering factory. */
public final class KMeansPlugin implements Plugin {

    @Override
    public String id() {
        return "adr-kmeans";
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
        return List.of(new KMeansFactory());
    }
}
