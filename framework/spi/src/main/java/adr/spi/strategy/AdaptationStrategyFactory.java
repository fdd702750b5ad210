package adr.spi.strategy;

import adr.spi.NamedFactory;
import adr.spi.config.Config;

/** Creates an adaptation strategy for one run. */
public interface AdaptationStrategyFactory extends NamedFactory {

    AdaptationStrategy create(Config config);
}
