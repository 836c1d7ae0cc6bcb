"""Loads a Neural Playground .npz with NumPy alone and runs the network, written from docs/export-formats.md.

Reads a JSON list of cases on standard input, each {"path": "model.npz", "x": [[...], ...]}. Writes a JSON
list with, per case: the archive's keys in order, every array as a list (floats as Python's repr, which reads
back as the same double), the dtypes and shapes, the input and activation names, and the outputs of a forward
pass for the rows of x (which may be none). A value that is not finite, in the arrays or the outputs, fails
the script rather than writing JSON that is not JSON.
"""
import json
import sys

import numpy as np


def softmax(a):
    e = np.exp(a - a.max(axis=-1, keepdims=True))
    return e / e.sum(axis=-1, keepdims=True)


def sigmoid(a):
    e = np.exp(-np.abs(a))
    return np.where(a >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


ACTIVATIONS = {
    "linear": lambda a: a,
    "relu": lambda a: np.maximum(a, 0.0),
    "leaky_relu": lambda a: np.where(a > 0, a, 0.2 * a),
    "elu": lambda a: np.where(a > 0, a, np.expm1(np.minimum(a, 0.0))),
    "tanh": np.tanh,
    "sigmoid": sigmoid,
    "softmax": softmax,
}


def run(case):
    with np.load(case["path"], allow_pickle=False) as npz:
        keys = list(npz.keys())
        arrays = {key: npz[key] for key in keys}
    layers = []
    k = 0
    while True:
        name = "dense" if k == 0 else f"dense_{k}"
        if name + "/kernel" not in arrays:
            break
        layers.append((arrays[name + "/kernel"], arrays[name + "/bias"]))
        k += 1
    activations = [str(s) for s in arrays["activations"]]
    if len(activations) != len(layers):
        sys.exit(f"{len(activations)} activations for {len(layers)} layers")
    # One row per example, also when there are none.
    h = np.asarray(case["x"], dtype=np.float64).reshape(-1, layers[0][0].shape[0])
    for (kernel, bias), activation in zip(layers, activations):
        h = ACTIVATIONS[activation](h @ kernel + bias)
    return {
        "keys": keys,
        "dtypes": {key: a.dtype.str for key, a in arrays.items()},
        "shapes": {key: list(a.shape) for key, a in arrays.items()},
        "arrays": {key: a.tolist() for key, a in arrays.items() if a.dtype.kind == "f"},
        "inputs": [str(s) for s in arrays["inputs"]],
        "activations": activations,
        "y": h.tolist(),
    }


def main():
    json.dump([run(case) for case in json.load(sys.stdin)], sys.stdout, allow_nan=False)


main()
