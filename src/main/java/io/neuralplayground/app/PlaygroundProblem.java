package io.neuralplayground.app;

import io.neuralplayground.engine.EarlyStopping;
import io.neuralplayground.session.EarlyStoppingCodec;
import io.neuralplayground.session.PlaygroundSettings;
import io.neuralplayground.session.SettingsCodec;
import io.neuralplayground.tune.Goal;
import io.neuralplayground.tune.RemoteObjective;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A {@link PlaygroundObjective} as plain values that travel to another machine: the settings in the session file's
 * spelling ({@link SettingsCodec}), the goal, and early stopping within trials. A worker rebuilds the objective
 * from it; a data file is read again from its path (or a bundled example), so it must be there on every worker.
 * Equal problems are equal values, which lets a worker keep the objective it built for the next trial.
 *
 * @param settings      {@link SettingsCodec#toMap} of the base settings
 * @param metric        the goal's metric
 * @param direction     {@code minimize} or {@code maximize}
 * @param earlyStopping {@link EarlyStoppingCodec#toMap} of the rule, or null
 */
public record PlaygroundProblem(Map<String, Object> settings, String metric, String direction,
        Map<String, Object> earlyStopping) implements RemoteObjective {
    private static final long serialVersionUID = 1L;

    public PlaygroundProblem {
        settings = new LinkedHashMap<>(settings);
        earlyStopping = earlyStopping == null ? null : new LinkedHashMap<>(earlyStopping);
    }

    /** The problem {@code objective} solves. */
    public static PlaygroundProblem of(PlaygroundObjective objective) {
        EarlyStopping rule = objective.earlyStopping();
        return new PlaygroundProblem(SettingsCodec.toMap(objective.base()), objective.goal().metric(),
                objective.goal().direction().word(), rule == null ? null : EarlyStoppingCodec.toMap(rule));
    }

    @Override
    public PlaygroundObjective create() {
        PlaygroundSettings base = SettingsCodec.fromMap(settings, "the search's settings");
        EarlyStopping rule = earlyStopping == null ? null
                : EarlyStoppingCodec.fromMap(earlyStopping, "the search's early stopping");
        return new PlaygroundObjective(base, new Goal(metric, Goal.Direction.parse(direction)), rule);
    }
}
