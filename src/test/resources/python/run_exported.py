"""Imports a Python file exported by Neural Playground (the NumPy one) and runs its predict.

Reads JSON on standard input: {"path": "model.py", "x": [[...], ...]}. Writes JSON: the module's INPUTS, its
weights as lists (floats as repr, exact), the predictions for the rows of x as a batch, and for the first row
as a single vector.
"""
import importlib.util
import json
import sys


def main():
    case = json.load(sys.stdin)
    spec = importlib.util.spec_from_file_location("exported_model", case["path"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    batch = module.predict(case["x"])
    single = module.predict(case["x"][0])
    json.dump({
        "inputs": module.INPUTS,
        "kernels": [kernel.tolist() for kernel, _, _ in module.LAYERS],
        "biases": [bias.tolist() for _, bias, _ in module.LAYERS],
        "activations": [activation.__name__ for _, _, activation in module.LAYERS],
        "batch": batch.tolist(),
        "single": single.tolist(),
    }, sys.stdout)


main()
