package com.example.adr;

import adr.spi.Plugin;
import adr.spi.SpiVersion;
import adr.spi.clustering.ClusteringFactory;
import java.util.List;

/** The plugin: its id, version, the SPI version it was compiled against, and its factories. */
public final class MeanBucketPlugin implements Plugin {

    @Override
    public String id() {
        return "example-mean-bucket";
    }

    @Override
    public String version() {
        return "1.0.0";
    }

    @Override
    public SpiVersion spiVersion() {
        // the constants are compiled into this class: the engine sees the version we built against
        return new SpiVersion(SpiVersion.MAJOR, SpiVersion.MINOR);
    }

    @Override
    public List<ClusteringFactory> clustering() {
        return List.of(new MeanBucketFactory());
    }
}
