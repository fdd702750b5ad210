package adr.spi.reuse;

import adr.spi.NamedFactory;
import adr.spi.config.Config;

/** Creates a reuse policy for one run. */
public interface ReusePolicyFactory extends NamedFactory {

    ReusePolicy create(Config config);
}
