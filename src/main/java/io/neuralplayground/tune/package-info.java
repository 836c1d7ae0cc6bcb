/**
 * Hyperparameter search, knowing nothing of networks: search spaces ({@link io.neuralplayground.tune.SearchSpace},
 * read by {@link io.neuralplayground.tune.SearchSpaceFile}), the algorithms that propose trials
 * ({@link io.neuralplayground.tune.Oracle}: grid, random, TPE, Hyperband, made by an
 * {@link io.neuralplayground.tune.Algorithm}), the driver that runs them ({@link io.neuralplayground.tune.Search}) on
 * a {@link io.neuralplayground.tune.TrialExecutor}, and the results folder that lets a search resume.
 *
 * <p>What a trial does is the caller's {@link io.neuralplayground.tune.Objective}; how trials are spread over threads
 * or machines is the executor's. Every random draw comes from the project's seeded
 * {@link io.neuralplayground.engine.Rng}: one seed, the same trials, whatever the number of threads.
 */
package io.neuralplayground.tune;
