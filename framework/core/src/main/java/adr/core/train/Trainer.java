package adr.core.train;

import adr.core.data.Batch;
import adr.core.data.Batches;
import adr.core.nn.Network;
import adr.core.nn.SoftmaxCrossEntropy;

/** One optimisation step and whole-dataset evaluation for a network. */
public final class Trainer {
    private final Network network;
    private final SgdMomentum optimizer;

    public Trainer(Network network, SgdMomentum optimizer) {
        this.network = network;
        this.optimizer = optimizer;
    }

    public Network network() {
        return network;
    }

    public SgdMomentum optimizer() {
        return optimizer;
    }

    /** Forward, backward and update on one batch; returns the batch loss and correct count. */
    public SoftmaxCrossEntropy.Result step(Batch batch, double learningRate) {
        var logits = network.forward(batch.images(), true);
        var result = SoftmaxCrossEntropy.evaluate(logits, batch.labels());
        network.backward(result.gradient());
        optimizer.step(learningRate);
        return result;
    }

    /** Mean loss and accuracy over all batches, without dropout or updates. */
    public Evaluation evaluate(Batches batches) {
        double lossSum = 0;
        long correct = 0;
        int count = 0;
        for (Batch batch : batches) {
            var result = SoftmaxCrossEntropy.evaluate(network.forward(batch.images(), false), batch.labels());
            int n = batch.labels().length;
            lossSum += result.loss() * n;
            correct += result.correct();
            count += n;
        }
        return new Evaluation(count == 0 ? Double.NaN : lossSum / count, count == 0 ? 0 : (double) correct / count,
                count);
    }
}
