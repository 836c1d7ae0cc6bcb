package io.neuralplayground.tune;

/** A value every trial gets: recorded with the trial's hyperparameters, never searched. */
public record Fixed(String name, Object value, Condition condition) implements Hyperparameter {
    public Fixed {
        Hyperparameter.requireName(name);
        try {
            value = Values.normalize(value);
        } catch (IllegalArgumentException e) {
            throw SearchSpaceException.about(name, e.getMessage());
        }
        condition = condition == null ? Condition.ALWAYS : condition;
    }

    @Override
    public boolean admits(Object v) {
        return Values.same(value, v);
    }

    @Override
    public Fixed onlyWhen(Condition when) {
        return new Fixed(name, value, when);
    }

    @Override
    public long size() {
        return 1;
    }

    @Override
    public String describe() {
        return "the fixed value " + Values.show(value);
    }
}
