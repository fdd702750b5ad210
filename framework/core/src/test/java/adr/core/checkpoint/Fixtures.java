package adr.core.checkpoint;

import adr.core.model.ModelCatalog;
import adr.core.nn.ConvAlgorithm;
import adr.core.nn.Network;
import adr.core.nn.Parameter;
import adr.core.random.Seeds;
import adr.core.train.SgdMomentum;
import adr.core.train.TrainingProgress;
import java.util.Map;
import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Small trained models for checkpoint tests; random values come from local seeded streams, not Nd4j's global one. */
final class Fixtures {
    static final long[] INPUT = {1, 28, 28};
    static final int CLASSES = 10;

    private Fixtures() {
    }

    record Trained(Network net, SgdMomentum opt) {
        Checkpoint capture() {
            return Checkpoint.capture(net, opt, CLASSES, 7, new TrainingProgress(3, 1234),
                    Map.of("model", net.name(), "lr", "0.01"));
        }
    }

    static Trained model(String name, long seed) {
        Network net = ModelCatalog.build(name, INPUT, CLASSES, new Seeds(seed), DataType.FLOAT, ConvAlgorithm.AUTO);
        return new Trained(net, new SgdMomentum(net.parameters(), 0.9, 5e-4));
    }

    /** A model after one update from random gradients, so weights and momentum are both non-trivial. */
    static Trained trained(String name, long seed) {
        Trained t = model(name, seed);
        SplittableRandom r = new SplittableRandom(seed);
        for (Parameter p : t.net().parameters()) {
            p.gradient().assign(random(r, p.gradient().shape()));
        }
        t.opt().step(0.01);
        return t;
    }

    static INDArray random(SplittableRandom r, long... shape) {
        long n = 1;
        for (long d : shape) {
            n *= d;
        }
        float[] v = new float[Math.toIntExact(n)];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) r.nextDouble(-1, 1);
        }
        return Nd4j.createFromArray(v).reshape('c', shape);
    }

    static INDArray batch() {
        return random(new SplittableRandom(99), 4, 1, 28, 28);
    }
}
