package io.neuralplayground.session;

import io.neuralplayground.engine.Network;

/**
 * Everything a training session needs to go on exactly where it was: its settings (which regenerate the data
 * bit for bit), the network with its frozen links, the trainer's progress (epoch, order of the examples, the
 * shuffling generator's state, the optimizer's memory) and the loss history. Saving and opening this gives the
 * same numbers in the epochs that follow as if the session had never stopped.
 *
 * @param settings        the playground's settings
 * @param network         the weights (a private copy), frozen links included
 * @param epoch           epochs trained
 * @param order           the order of the training examples the next epoch starts from
 * @param shuffleState    the state of the generator that reshuffles each epoch
 * @param optimizerSlots  the optimizer's memory, {@code [slot][parameter array][value]} (see OptimizerState)
 * @param optimizerSteps  the optimizer's step count
 * @param historyEpochs   the epochs of the loss history, from 0
 * @param historyTrain    training loss of each
 * @param historyTest     test loss of each (NaN without test data)
 */
public record SessionState(PlaygroundSettings settings, Network network, int epoch, int[] order, long shuffleState,
        double[][][] optimizerSlots, long optimizerSteps, int[] historyEpochs, double[] historyTrain,
        double[] historyTest) {

    public SessionState {
        network = network.copy();
        if (historyEpochs.length != historyTrain.length || historyEpochs.length != historyTest.length) {
            throw new IllegalArgumentException("the loss history's columns differ in length");
        }
    }

    @Override
    public Network network() {
        return network.copy();
    }
}
