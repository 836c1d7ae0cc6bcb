package io.neuralplayground.tune;

import java.io.Serializable;

/**
 * How a trial's objective is rebuilt on another machine: a serializable description of the problem (the dataset's
 * name or path, the network's fixed settings, the epochs …) that {@link #create()} turns into the {@link Objective}
 * there. A cluster sends it with every trial, so keep it small: a description, never the data itself.
 *
 * <p>Implement {@code equals} and {@code hashCode} by value (a record does): a cluster member builds the objective once
 * per distinct description and reuses it for every trial of it, so that data is read or generated once per member,
 * not once per trial. The created objective then runs several trials at once, as every {@link Objective} may.
 */
public interface RemoteObjective extends Serializable {
    /**
     * The objective this description stands for, built on the machine that runs the trials; files it names must be
     * reachable at the same path there.
     *
     * @throws RuntimeException if it cannot be built there (a missing file …): the trials fail with its message
     */
    Objective create();
}
