package io.neuralplayground.ui.viewmodel.tuning;

import io.neuralplayground.PlaygroundException;
import io.neuralplayground.tune.Hyperparameter;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * One row of the Tuning tab's search space: a hyperparameter's name, its values and its condition as text (see
 * {@link SpaceRowSyntax}), and whether the search uses it. {@link #problemProperty()} says what is wrong with the
 * text as it is typed, blank when the row reads.
 */
public final class SpaceRow {
    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final StringProperty values = new SimpleStringProperty(this, "values");
    private final StringProperty when = new SimpleStringProperty(this, "when", "");
    private final BooleanProperty used = new SimpleBooleanProperty(this, "used", true);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");

    public SpaceRow(String name, String values, String when) {
        this.name.set(name);
        this.values.set(values);
        this.when.set(when == null ? "" : when);
        name().addListener((o, was, now) -> check());
        this.values.addListener((o, was, now) -> check());
        this.when.addListener((o, was, now) -> check());
        check();
    }

    /** The row of a hyperparameter read from a file. */
    public static SpaceRow of(Hyperparameter h) {
        return new SpaceRow(h.name(), SpaceRowSyntax.values(h), SpaceRowSyntax.when(h));
    }

    /**
     * The hyperparameter the row says.
     *
     * @throws PlaygroundException naming the hyperparameter and what is wrong
     */
    public Hyperparameter hyperparameter() {
        return SpaceRowSyntax.parse(name.get(), values.get(), when.get());
    }

    private void check() {
        try {
            hyperparameter();
            problem.set("");
        } catch (PlaygroundException e) {
            problem.set(e.getMessage());
        }
    }

    public StringProperty name() {
        return name;
    }

    public StringProperty valuesProperty() {
        return values;
    }

    public StringProperty whenProperty() {
        return when;
    }

    public BooleanProperty usedProperty() {
        return used;
    }

    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }
}
