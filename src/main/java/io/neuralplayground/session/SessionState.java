package io.neuralplayground.session;

import io.neuralplayground.engine.CarriedGradient;
import io.neuralplayground.engine.Network;
import io.neuralplayground.engine.Trainer;
import java.util.Objects;

/**
 * Everything a training session needs to go on exactly where it was: its settings (which regenerate the data
 * bit for bit), the network with its frozen links, the trainer's progress (epoch, order of the examples, the
 * shuffling generator's state, the optimizer's memory, the gradients carried into the next epoch) and the history
 * of losses and accuracies. Saving and opening this gives the same numbers in the epochs that follow as if the
 * session had never stopped.
 *
 * @param settings        the playground's settings
 * @param network         the weights (a private copy), frozen links included
 * @param epoch           epochs trained
 * @param order           the order of the training examples the next epoch starts from
 * @param shuffleState    the state of the generator that reshuffles each epoch
 * @param optimizerSlots  the optimizer's memory, {@code [slot][parameter array][value]} (see OptimizerState)
 * @param optimizerSteps  the optimizer's step count
 * @param carried         the leftover examples' gradients waiting for the next epoch's first update (carry-over)
 * @param history         the losses and accuracies of every epoch from 0 (NaN where a file saved before a column
 *                        was kept has none)
 */
public record SessionState(PlaygroundSettings settings, Network network, int epoch, int[] order, long shuffleState,
        double[][][] optimizerSlots, long optimizerSteps, CarriedGradient carried, EpochLog.Slice history) {

    public SessionState {
        network = network.copy();
        Objects.requireNonNull(carried);
        Objects.requireNonNull(history);
    }

    @Override
    public Network network() {
        return network.copy();
    }

    /**
     * Puts the saved progress into {@code trainer}, made from these settings and this network: epoch, order,
     * shuffling state, optimizer memory and carried gradients, all in one place so that no piece is forgotten.
     *
     * @throws IllegalArgumentException if a piece does not fit the trainer
     */
    public void restoreInto(Trainer trainer) {
        trainer.restoreProgress(epoch, order, shuffleState, optimizerSlots, optimizerSteps);
        trainer.restoreCarriedGradient(carried);
    }
}
