package io.neuralplayground.app;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.engine.CarriedGradient;
import io.neuralplayground.engine.DenseLayer;
import io.neuralplayground.engine.Network;
import io.neuralplayground.io.Model;
import io.neuralplayground.io.json.SessionDocument;
import io.neuralplayground.session.EpochLog;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.SessionState;
import io.neuralplayground.session.SettingsCodec;
import java.util.ArrayList;
import java.util.List;

/** A session's state as the io layer's session document and back: the glue between the two layers. */
public final class SessionDocuments {
    private SessionDocuments() {
    }

    /** The document of {@code state} as the window shows it with {@code view}. */
    public static SessionDocument toDocument(SessionState state, SessionDocument.View view) {
        Network network = state.network();
        List<String> inputs = state.settings().inputNames();
        List<List<int[]>> frozen = new ArrayList<>();
        for (DenseLayer layer : network.layers()) {
            List<int[]> links = new ArrayList<>();
            for (int i = 0; i < layer.inputs(); i++) {
                for (int j = 0; j < layer.units(); j++) {
                    if (layer.isFrozen(i, j)) {
                        links.add(new int[] {i, j});
                    }
                }
            }
            frozen.add(links);
        }
        return new SessionDocument(SettingsCodec.toMap(state.settings()), new Model(inputs, network), frozen,
                new SessionDocument.Progress(state.epoch(), state.order(), state.shuffleState(),
                        state.settings().optimizer().name(), state.optimizerSteps(), state.optimizerSlots(),
                        state.carried().examples(), state.carried().sums()),
                history(state.history()), view);
    }

    /**
     * The state a session document describes.
     *
     * @param source names the file in messages
     * @throws PlaygroundException when the parts do not fit together (the settings, the model, the optimizer)
     */
    public static SessionState fromDocument(SessionDocument d, String source) {
        PlaygroundSettings settings = SettingsCodec.fromMap(d.settings(), source + ": settings");
        List<String> features = settings.inputNames();
        if (!d.model().inputs().equals(features)) {
            throw new PlaygroundException(source + ": the model's inputs " + d.model().inputs()
                    + " are not the settings' features " + features);
        }
        if (!d.progress().optimizer().equals(settings.optimizer().name())) {
            throw new PlaygroundException(source + ": progress.optimizer is " + d.progress().optimizer()
                    + " but the settings say " + settings.optimizer().name());
        }
        Network network = d.model().network();
        for (int l = 0; l < network.depth(); l++) {
            for (int[] link : d.frozen().get(l)) {
                network.layer(l).freeze(link[0], link[1]);
            }
        }
        CarriedGradient carried;
        try {
            carried = new CarriedGradient(d.progress().carriedExamples(), d.progress().carriedGradient());
        } catch (IllegalArgumentException e) {
            throw new PlaygroundException(source + ": progress.carried_gradient: " + e.getMessage());
        }
        return new SessionState(settings, network, d.progress().epoch(), d.progress().order(),
                d.progress().shuffleState(), d.progress().optimizerSlots(), d.progress().optimizerSteps(), carried,
                history(d.history()));
    }

    private static SessionDocument.History history(EpochLog.Slice h) {
        return new SessionDocument.History(h.epochs(), h.trainLoss(), h.testLoss(), h.trainAccuracy(),
                h.testAccuracy(), h.validationLoss(), h.validationAccuracy());
    }

    private static EpochLog.Slice history(SessionDocument.History h) {
        return new EpochLog.Slice(0, h.epochs(), h.trainLoss(), h.testLoss(), h.trainAccuracy(), h.testAccuracy(),
                h.validationLoss(), h.validationAccuracy());
    }
}
