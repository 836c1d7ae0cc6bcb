package io.neuralplayground.data;

/** A dataset cut into a training part and a test part, with no example in both. */
public record Split(Dataset train, Dataset test) {
}
