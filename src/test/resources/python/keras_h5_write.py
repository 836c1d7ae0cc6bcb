"""Writes models with h5py and zipfile in the layouts Keras writes, for the Java readers to open.

Reads {"dir": "/some/dir", "models": [{"name": "m", "inputs": 2, "layers": [{"kernel": [[...]], "bias": [...],
"activation": "tanh"}, ...]}, ...]} on standard input. For every model writes, with h5py's defaults (the oldest
HDF5 file format: superblock version 0, symbol-table groups, version 1 object headers, variable-length strings
where Python strings are given), which is what Keras' own files are made of:

  <name>.weights.h5     Keras 3 weights: layers/dense/vars/0 and vars/1 (the name of the layer in an attribute of
                        vars, as Keras 3 writes it), an empty vars group for the model itself and an optimizer
                        group, as Keras 3.0 to 3.9 leave them
  <name>.keras          Keras 3 model: a zip of metadata.json, config.json and model.weights.h5, stored
  <name>.h5             Keras 2 model: root attributes backend, keras_version, model_config; model_weights with
                        layer_names and each layer's weight_names as arrays of bytes, the datasets at
                        <layer>/<layer>/kernel:0, and the empty top_level_model_weights group of tf.keras 2.5+
  <name>.legacy.h5      Keras 2 weights only (save_weights to .h5): the same, at the root, no model_config

Kernels and biases are written as float32: numpy rounds each to the nearest float, as Java's (float) cast does.
Writes the list of files written on standard output.
"""
import io
import json
import os
import sys
import zipfile

import h5py
import numpy as np


def layer_name(index):
    return "dense" if index == 0 else "dense_%d" % index


def keras3_weights(f, model):
    f.create_group("vars")  # the model's own variables: none
    f.create_group("optimizer").create_group("vars")
    layers = f.create_group("layers")
    for i, layer in enumerate(model["layers"]):
        variables = layers.create_group(layer_name(i)).create_group("vars")
        variables.attrs["name"] = layer_name(i)
        variables.create_dataset("0", data=np.asarray(layer["kernel"], dtype=np.float32))
        variables.create_dataset("1", data=np.asarray(layer["bias"], dtype=np.float32))


def keras3_config(model):
    layers = [{"module": "keras.layers", "class_name": "InputLayer",
               "config": {"batch_shape": [None, model["inputs"]], "dtype": "float32", "sparse": False,
                          "name": "input_layer"}, "registered_name": None}]
    inputs = model["inputs"]
    for i, layer in enumerate(model["layers"]):
        units = len(layer["bias"])
        layers.append({"module": "keras.layers", "class_name": "Dense",
                       "config": {"name": layer_name(i), "trainable": True,
                                  "dtype": {"module": "keras", "class_name": "DTypePolicy",
                                            "config": {"name": "float32"}, "registered_name": None},
                                  "units": units, "activation": layer["activation"], "use_bias": True,
                                  "kernel_initializer": {"module": "keras.initializers",
                                                         "class_name": "GlorotUniform", "config": {"seed": None},
                                                         "registered_name": None},
                                  "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros",
                                                       "config": {}, "registered_name": None},
                                  "kernel_regularizer": None, "bias_regularizer": None,
                                  "kernel_constraint": None, "bias_constraint": None},
                       "registered_name": None, "build_config": {"input_shape": [None, inputs]}})
        inputs = units
    return {"module": "keras", "class_name": "Sequential",
            "config": {"name": "sequential", "trainable": True, "layers": layers,
                       "build_input_shape": [None, model["inputs"]]},
            "registered_name": None, "build_config": {"input_shape": [None, model["inputs"]]}}


def keras2_config(model):
    layers = [{"class_name": "InputLayer",
               "config": {"batch_input_shape": [None, model["inputs"]], "dtype": "float32", "sparse": False,
                          "ragged": False, "name": "dense_input"}}]
    for i, layer in enumerate(model["layers"]):
        layers.append({"class_name": "Dense",
                       "config": {"name": layer_name(i), "trainable": True, "dtype": "float32",
                                  "units": len(layer["bias"]), "activation": layer["activation"],
                                  "use_bias": True}})
    return {"class_name": "Sequential", "config": {"name": "sequential", "layers": layers}}


def keras2_weights(group, model):
    names = [layer_name(i) for i in range(len(model["layers"]))]
    group.attrs["layer_names"] = np.array([n.encode("utf8") for n in names])
    group.attrs["backend"] = "tensorflow"
    group.attrs["keras_version"] = "2.12.0"
    for name, layer in zip(names, model["layers"]):
        g = group.create_group(name)
        weight_names = [name + "/kernel:0", name + "/bias:0"]
        g.attrs["weight_names"] = np.array([n.encode("utf8") for n in weight_names])
        g.create_dataset(weight_names[0], data=np.asarray(layer["kernel"], dtype=np.float32))
        g.create_dataset(weight_names[1], data=np.asarray(layer["bias"], dtype=np.float32))


def write(directory, model):
    base = os.path.join(directory, model["name"])
    written = []

    path = base + ".weights.h5"
    with h5py.File(path, "w") as f:
        keras3_weights(f, model)
    written.append(path)

    weights = io.BytesIO()
    with h5py.File(weights, "w") as f:
        keras3_weights(f, model)
    path = base + ".keras"
    with zipfile.ZipFile(path, "w") as archive:  # ZIP_STORED, as Keras saves
        archive.writestr("metadata.json", json.dumps({"keras_version": "3.10.0",
                                                      "date_saved": "2025-05-19@14:03:07"}))
        archive.writestr("config.json", json.dumps(keras3_config(model)))
        archive.writestr("model.weights.h5", weights.getvalue())
    written.append(path)

    path = base + ".h5"
    with h5py.File(path, "w") as f:
        f.attrs["backend"] = "tensorflow"
        f.attrs["keras_version"] = "2.12.0"
        f.attrs["model_config"] = json.dumps(keras2_config(model))
        keras2_weights(f.create_group("model_weights"), model)
        f["model_weights"].create_group("top_level_model_weights").attrs["weight_names"] = np.array([], "S1")
    written.append(path)

    path = base + ".legacy.h5"
    with h5py.File(path, "w") as f:
        keras2_weights(f, model)
    written.append(path)
    return written


def main():
    request = json.load(sys.stdin)
    json.dump([write(request["dir"], m) for m in request["models"]], sys.stdout)


if __name__ == "__main__":
    main()
