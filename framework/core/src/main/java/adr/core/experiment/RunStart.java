package adr.core.experiment;

import adr.core.reuse.LayerState;
import adr.core.train.TrainingProgress;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a run starts with, once its data is loaded and its model built.
 *
 * @param plugins the plugins the run uses with their provenance (empty for an exact run)
 * @param start where training begins: {@link TrainingProgress#START} or a resumed checkpoint's progress
 * @param totalSteps optimisation steps of the whole run
 * @param layers every convolution's current configuration; valid for the whole run
 */
public record RunStart(ExperimentConfig config, List<PluginUse> plugins, TrainingProgress start, long totalSteps,
        int trainImages, int testImages, Supplier<List<LayerState>> layers) {

    public RunStart {
        plugins = List.copyOf(plugins);
    }
}
