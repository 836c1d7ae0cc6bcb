"""Checks that the Keras stand-in of the tests refuses what Keras 3 refuses, so that it can catch a bad export.

Tries each misuse below against the keras on PYTHONPATH and writes a JSON object: per misuse, the name of the
exception it raised and its message, or null when it raised nothing.
"""
import json
import sys

import keras
import numpy as np


def model(activation="tanh"):
    return keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2, activation=activation, name="dense")])


def good():
    return [np.zeros((3, 2)), np.zeros((2,))]


MISUSES = {
    "activation in capitals": lambda: keras.layers.Dense(2, activation="Tanh"),
    "activation misspelt": lambda: keras.layers.Dense(2, activation="leakyrelu"),
    "activation of Keras 2's layer": lambda: keras.layers.Dense(2, activation="LeakyReLU"),
    "no units": lambda: keras.layers.Dense(0),
    "units not an integer": lambda: keras.layers.Dense(2.0),
    "an argument the stub does not vouch for": lambda: keras.layers.Dense(2, kernel_size=3),
    "transposed kernel": lambda: model().set_weights([np.zeros((2, 3)), np.zeros((2,))]),
    "bias as a row": lambda: model().set_weights([np.zeros((3, 2)), np.zeros((1, 2))]),
    "too few weights": lambda: model().set_weights([np.zeros((3, 2))]),
    "too many weights": lambda: model().set_weights(good() + [np.zeros((2,))]),
    "no input shape": lambda: keras.Sequential([keras.layers.Dense(2)]).set_weights(good()),
    "input shape not a tuple": lambda: keras.Input(shape=3),
    "layer names twice": lambda: keras.Sequential([keras.Input(shape=(3,)), keras.layers.Dense(2, name="d"),
                                                   keras.layers.Dense(2, name="d")]),
    "input layer not first": lambda: keras.Sequential([keras.layers.Dense(2), keras.Input(shape=(3,))]),
    "predict with the wrong width": lambda: model().predict(np.zeros((1, 2)), verbose=0),
    "predict a list": lambda: model().predict([[0.0, 0.0, 0.0]], verbose=0),
    "an activation the stub does not compute": lambda: model("gelu").predict(np.zeros((1, 3)), verbose=0),
    "floatx unknown": lambda: keras.config.set_floatx("double"),
    "an API the stub does not have": lambda: keras.optimizers,
    "fine, as a control": lambda: model().set_weights(good()),
}


def main():
    results = {}
    for name, misuse in MISUSES.items():
        try:
            misuse()
            results[name] = None
        except Exception as e:  # noqa: BLE001 -- the point is which exception
            results[name] = f"{type(e).__name__}: {e}"
    json.dump(results, sys.stdout)


main()
