package adr.core.train;

import adr.core.nn.Parameter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Stochastic gradient descent with momentum and decoupled-from-bias weight decay:
 * {@code v = mu*v + (g + wd*w); w = w - lr*v} (the PyTorch form). Updates are in
 * place with BLAS axpy so a step allocates nothing.
 */
public final class SgdMomentum {
    private final double momentum;
    private final double weightDecay;
    private final List<Parameter> parameters;
    private final Map<String, INDArray> velocity = new LinkedHashMap<>();

    public SgdMomentum(List<Parameter> parameters, double momentum, double weightDecay) {
        if (momentum < 0 || momentum >= 1) {
            throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
        }
        if (weightDecay < 0) {
            throw new IllegalArgumentException("weight decay must be >= 0, got " + weightDecay);
        }
        this.momentum = momentum;
        this.weightDecay = weightDecay;
        this.parameters = List.copyOf(parameters);
        for (Parameter p : parameters) {
            velocity.put(p.name(), p.value().ulike().assign(0));
        }
    }

    /** Applies one update with learning rate {@code lr} from the gradients backward left. */
    public void step(double lr) {
        var blas = Nd4j.getBlasWrapper().level1();
        for (Parameter p : parameters) {
            INDArray w = p.value();
            INDArray g = p.gradient();
            INDArray v = velocity.get(p.name());
            if (p.decays() && weightDecay > 0) {
                blas.axpy(g.length(), weightDecay, w, g);
            }
            v.muli(momentum);
            blas.axpy(v.length(), 1.0, g, v);
            blas.axpy(w.length(), -lr, v, w);
        }
    }

    /** The momentum buffers by parameter name, for checkpoints (live arrays). */
    public Map<String, INDArray> state() {
        return java.util.Collections.unmodifiableMap(velocity);
    }

    /** Restores momentum buffers saved by {@link #state()}. */
    public void restore(Map<String, INDArray> saved) {
        for (var e : velocity.entrySet()) {
            INDArray s = saved.get(e.getKey());
            if (s == null || !java.util.Arrays.equals(s.shape(), e.getValue().shape())) {
                throw new IllegalArgumentException("optimizer state for " + e.getKey() + " is missing or has the wrong shape");
            }
            e.getValue().assign(s);
        }
    }
}
