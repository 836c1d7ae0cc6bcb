"""Imports Python files exported by Neural Playground (the NumPy ones) and runs their predict.

Reads a JSON list of cases on standard input, each {"path": "model.py", "x": [[...], ...]} with at least one
example. Writes a JSON list with, per case: the module's INPUTS, its weights as lists (floats as repr, exact)
with their shapes and dtypes, the predictions for the rows of x as a batch, and for the first row as a single
vector. A value that is not finite fails the script rather than writing JSON that is not JSON.
"""
import importlib.util
import json
import sys


def run(index, case):
    # A module name of its own per file, so that no file can see another's definitions.
    spec = importlib.util.spec_from_file_location(f"exported_model_{index}", case["path"])
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    batch = module.predict(case["x"])
    single = module.predict(case["x"][0])
    return {
        "inputs": module.INPUTS,
        "kernels": [kernel.tolist() for kernel, _, _ in module.LAYERS],
        "biases": [bias.tolist() for _, bias, _ in module.LAYERS],
        "activations": [activation.__name__ for _, _, activation in module.LAYERS],
        "dtypes": sorted({a.dtype.str for kernel, bias, _ in module.LAYERS for a in (kernel, bias)}),
        "shapes": [[list(kernel.shape), list(bias.shape)] for kernel, bias, _ in module.LAYERS],
        "batch": batch.tolist(),
        "single": single.tolist(),
    }


def main():
    cases = json.load(sys.stdin)
    json.dump([run(i, case) for i, case in enumerate(cases)], sys.stdout, allow_nan=False)


main()
