package adr.plugins.strategies;

import adr.spi.Plugin;
import adr.spi.SpiVersion;
import adr.spi.reuse.ReusePolicyFactory;
import adr.spi.strategy.AdaptationStrategyFactory;
import java.util.List;

/** The adaptation strategies and reuse policies that ship with ADR. */
public final class StrategiesPlugin implements Plugin {

    @Override
    public String id() {
        return "adr-strategies";
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
    public List<AdaptationStrategyFactory> strategies() {
        return List.of(new ExactStrategy.Factory(), new FixedStrategy.Factory(), new StagedStrategy.Factory(),
                new AdaptiveStrategy.Factory(), new BudgetStrategy.Factory());
    }

    @Override
    public List<ReusePolicyFactory> policies() {
        return List.of(new CostModelPolicy.Factory(), new AllLayersPolicy.Factory(), new LayersPolicy.Factory());
    }
}
