"""Writes .npz archives with NumPy itself, for the Java reader to read.

Reads JSON on standard input: {"dir": "...", "kernels": [[[...]]...], "biases": [[...]...], "inputs": [...],
"activations": [...]}. Writes, in dir, the same model several ways NumPy can: savez (stored, float64),
savez_compressed (deflated), float32 arrays, Fortran-ordered kernels, without the names, and a lone .npy.
Prints JSON with the names of the files written.
"""
import json
import os
import sys

import numpy as np


def arrays(case, dtype=np.float64, fortran=False, names=True):
    out = {}
    for k, (kernel, bias) in enumerate(zip(case["kernels"], case["biases"])):
        name = "dense" if k == 0 else f"dense_{k}"
        kernel = np.array(kernel, dtype=dtype)
        out[name + "/kernel"] = np.asfortranarray(kernel) if fortran else kernel
        out[name + "/bias"] = np.array(bias, dtype=dtype)
    if names:
        out["inputs"] = np.array(case["inputs"])
        out["activations"] = np.array(case["activations"])
    return out


def main():
    case = json.load(sys.stdin)
    d = case["dir"]
    files = {}

    def save(key, writer, **kwargs):
        path = os.path.join(d, key + ".npz")
        writer(path, **kwargs)
        files[key] = path

    save("savez", np.savez, **arrays(case))
    save("compressed", np.savez_compressed, **arrays(case))
    save("float32", np.savez, **arrays(case, dtype=np.float32))
    save("fortran", np.savez, **arrays(case, fortran=True))
    save("unnamed", np.savez, **arrays(case, names=False))
    path = os.path.join(d, "kernel.npy")
    np.save(path, np.array(case["kernels"][0]), allow_pickle=False)
    files["npy"] = path
    json.dump(files, sys.stdout)


main()
