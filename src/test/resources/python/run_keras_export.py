"""Runs Python files exported by Neural Playground for Keras against the Keras stand-in of the tests.

Keras cannot be installed where Neural Playground is built, so the tests put keras_stub (a NumPy stand-in for
exactly the Keras 3 API the exported files use, with Keras' checks) on PYTHONPATH; this script makes sure that
is the keras it imports. Reads a JSON list of cases on standard input, each {"path": "model.py", "x": [[...]]}.
For each file it imports the module, then for floatx float64 and for float32 (Keras' default) calls
build_model() and predict on the rows of x. Writes a JSON list with, per case and floatx: the layers (name,
class, units, activation, bias or not), every weight as a list with its shape and dtype, and the predictions.
"""
import importlib.util
import json
import os
import sys

import keras
import numpy as np


def describe(module, floatx, x):
    keras.config.set_floatx(floatx)
    try:
        model = module.build_model()
        y = model.predict(np.asarray(x, dtype=floatx), verbose=0)
    finally:
        keras.config.set_floatx("float32")
    weights = model.get_weights()
    return {
        "layers": [{"name": layer.name, "class": type(layer).__name__, "units": layer.units,
                    "activation": layer.activation.__name__, "use_bias": layer.use_bias}
                   for layer in model.layers],
        "weights": [w.tolist() for w in weights],
        "shapes": [list(w.shape) for w in weights],
        "dtypes": sorted({w.dtype.str for w in weights}),
        "y_dtype": y.dtype.str,
        "y": y.tolist(),
    }


def run(index, case):
    spec = importlib.util.spec_from_file_location(f"exported_keras_model_{index}", case["path"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return {"inputs": module.INPUTS,
            "float64": describe(module, "float64", case["x"]),
            "float32": describe(module, "float32", case["x"])}


def main():
    stub = os.environ.get("KERAS_STUB_DIR")
    if not stub or os.path.dirname(os.path.dirname(os.path.abspath(keras.__file__))) != os.path.abspath(stub):
        sys.exit(f"imported keras from {keras.__file__}, not the stand-in in {stub}")
    cases = json.load(sys.stdin)
    json.dump([run(i, case) for i, case in enumerate(cases)], sys.stdout, allow_nan=False)


main()
