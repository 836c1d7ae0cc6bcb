"""Writes, with h5py and zipfile, the files Keras itself writes for models made in Keras, and predicts as Keras does.

Keras cannot be installed where Neural Playground is tested; this lays the files out as Keras' saving code does
(keras/src/saving/saving_lib.py for .keras and .weights.h5, keras/src/legacy/saving/legacy_h5_format.py and
tf.keras 2 for .h5), for models of InputLayer, Dense, Activation, Dropout and Flatten layers, Sequential or
Functional.

Reads on standard input:
  {"dir": "/some/dir", "models": [{"name": "m", "api": "sequential" | "functional", "input_shape": [28, 28],
    "layers": [{"class": "Flatten"},
               {"class": "Dense", "units": 3, "activation": "linear", "use_bias": false, "kernel": [[...]],
                "bias": [...] (only with use_bias)},
               {"class": "Activation", "activation": "relu"}, {"class": "Dropout", "rate": 0.5}, ...],
    "x": [[...], ...] (examples, each flat: the input shape's numbers in row-major order)}, ...]}

For every model writes:
  <name>.keras            metadata.json (no neural_playground: Keras writes none), config.json as Keras 3
                          serializes the model (a Functional model's inbound_nodes with __keras_tensor__ objects),
                          model.weights.h5
  <name>.weights.h5       what model.save_weights writes (Keras 3.6 and later): a vars group for every object saved,
                          the model's at the root, each layer's at layers/<snake_case class>[_<n>]/vars (Keras
                          names them after the class: dense, dense_1, dropout, flatten, input_layer for a
                          Functional model), with an attribute name; a Dense layer's kernel at vars/0, its bias at
                          vars/1 when it has one
  <name>.h5               tf.keras 2's model.save("m.h5"): root attributes backend, keras_version, model_config (a
                          Functional model's inbound_nodes as lists [["dense", 0, 0, {}]]); model_weights with
                          layer_names (every layer of model.layers, bytes), and each layer's weight_names: bytes for
                          a Dense layer, and for a layer without weights np.asarray([]), an empty array of floats,
                          as Keras' save_attributes_to_hdf5_group writes it; top_level_model_weights likewise
  <name>.weights-only.h5  tf.keras 2's model.save_weights("w.h5"): the same as model_weights, at the root

Writes on standard output, per model: the files written and the predictions of a NumPy forward pass in float32 with
Keras' meaning of each layer (Flatten: reshape row by row; Dropout: nothing, as when predicting; Activation: the
function; Dense: h @ kernel + bias).
"""
import io
import json
import os
import re
import sys
import zipfile

import h5py
import numpy as np

ACTIVATIONS = {
    "linear": lambda a: a,
    "relu": lambda a: np.maximum(a, np.float32(0)),
    "tanh": np.tanh,
    "sigmoid": lambda a: np.float32(1) / (np.float32(1) + np.exp(-a)),
    "softmax": lambda a: np.exp(a - a.max(axis=-1, keepdims=True))
    / np.exp(a - a.max(axis=-1, keepdims=True)).sum(axis=-1, keepdims=True),
}


def snake_case(name):
    """Keras' naming.to_snake_case for class names: Dense -> dense, InputLayer -> input_layer."""
    return re.sub(r"(?<!^)(?=[A-Z])", "_", name).lower()


def named(model):
    """Every layer with the name Keras gives it (per class: dense, dense_1, ...), the InputLayer first."""
    counts = {}
    layers = [{"class": "InputLayer"}] + model["layers"]
    out = []
    for layer in layers:
        base = snake_case(layer["class"])
        n = counts.get(base, 0)
        counts[base] = n + 1
        out.append(dict(layer, name=base if n == 0 else "%s_%d" % (base, n)))
    return out


def dtype_policy():
    return {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}, "registered_name": None}


def keras3_layer_config(layer, model):
    cls = layer["class"]
    if cls == "InputLayer":
        return {"batch_shape": [None] + model["input_shape"], "dtype": "float32", "sparse": False,
                "ragged": False, "name": layer["name"], "optional": False}
    config = {"name": layer["name"], "trainable": True, "dtype": dtype_policy()}
    if cls == "Dense":
        config.update({"units": layer["units"], "activation": layer["activation"], "use_bias": layer["use_bias"],
                       "kernel_initializer": {"module": "keras.initializers", "class_name": "GlorotUniform",
                                              "config": {"seed": None}, "registered_name": None},
                       "bias_initializer": {"module": "keras.initializers", "class_name": "Zeros", "config": {},
                                            "registered_name": None},
                       "kernel_regularizer": None, "bias_regularizer": None, "kernel_constraint": None,
                       "bias_constraint": None})
    elif cls == "Activation":
        config["activation"] = layer["activation"]
    elif cls == "Dropout":
        config.update({"rate": layer["rate"], "seed": None, "noise_shape": None})
    elif cls == "Flatten":
        config["data_format"] = "channels_last"
    return config


def keras3_tensor(name, shape):
    return {"class_name": "__keras_tensor__",
            "config": {"shape": [None] + shape, "dtype": "float32", "keras_history": [name, 0, 0]}}


def shapes(model, layers):
    """The shape of one example after each layer."""
    shape = list(model["input_shape"])
    out = []
    for layer in layers:
        if layer["class"] == "Flatten":
            shape = [int(np.prod(shape))]
        elif layer["class"] == "Dense":
            shape = shape[:-1] + [layer["units"]]
        out.append(shape)
    return out


def keras3_config(model, layers):
    after = shapes(model, layers)
    entries = []
    for i, layer in enumerate(layers):
        entry = {"module": "keras.layers", "class_name": layer["class"],
                 "config": keras3_layer_config(layer, model), "registered_name": None}
        if model["api"] == "functional":
            entry["name"] = layer["name"]
            entry["inbound_nodes"] = [] if i == 0 else [
                {"args": [keras3_tensor(layers[i - 1]["name"], after[i - 1])], "kwargs": {}}]
        if i > 0:
            entry["build_config"] = {"input_shape": [None] + after[i - 1]}
        entries.append(entry)
    if model["api"] == "functional":
        config = {"name": "functional", "trainable": True, "layers": entries,
                  "input_layers": [layers[0]["name"], 0, 0], "output_layers": [layers[-1]["name"], 0, 0]}
        return {"module": "keras.src.models.functional", "class_name": "Functional", "config": config,
                "registered_name": "Functional", "build_config": {"input_shape": None}}
    config = {"name": "sequential", "trainable": True, "dtype": dtype_policy(), "layers": entries,
              "build_input_shape": [None] + model["input_shape"]}
    return {"module": "keras", "class_name": "Sequential", "config": config, "registered_name": None,
            "build_config": {"input_shape": [None] + model["input_shape"]}}


def keras2_config(model, layers):
    entries = []
    for i, layer in enumerate(layers):
        config = {k: v for k, v in keras3_layer_config(layer, model).items() if k not in ("optional",)}
        config["dtype"] = "float32"
        if layer["class"] == "InputLayer":
            config = {"batch_input_shape": [None] + model["input_shape"], "dtype": "float32", "sparse": False,
                      "ragged": False, "name": layer["name"]}
        else:
            for key in ("kernel_initializer", "bias_initializer"):
                if key in config:
                    config[key] = {"class_name": config[key]["class_name"], "config": config[key]["config"]}
        entry = {"class_name": layer["class"], "config": config}
        if model["api"] == "functional":
            entry["name"] = layer["name"]
            entry["inbound_nodes"] = [] if i == 0 else [[[layers[i - 1]["name"], 0, 0, {}]]]
        entries.append(entry)
    if model["api"] == "functional":
        return {"class_name": "Functional", "config": {
            "name": "model", "layers": entries, "input_layers": [[layers[0]["name"], 0, 0]],
            "output_layers": [[layers[-1]["name"], 0, 0]]}}
    return {"class_name": "Sequential", "config": {"name": "sequential", "layers": entries}}


def dense_weights(layer):
    weights = [np.asarray(layer["kernel"], dtype=np.float32)]
    if layer["use_bias"]:
        weights.append(np.asarray(layer["bias"], dtype=np.float32))
    return weights


def keras3_weights(f, model, layers):
    """saving_lib: a vars group for the model (at the root) and for each layer in model.layers."""
    f.create_group("vars").attrs["name"] = "functional" if model["api"] == "functional" else "sequential"
    saved = layers if model["api"] == "functional" else layers[1:]  # Sequential.layers leaves the InputLayer out
    group = f.create_group("layers")
    counts = {}
    for layer in saved:
        base = snake_case(layer["class"])
        n = counts.get(base, 0)
        counts[base] = n + 1
        variables = group.create_group(base if n == 0 else "%s_%d" % (base, n)).create_group("vars")
        variables.attrs["name"] = layer["name"]
        if layer["class"] == "Dense":
            for i, w in enumerate(dense_weights(layer)):
                variables.create_dataset(str(i), data=w)


def keras2_weights(group, model, layers):
    """legacy_h5_format.save_weights_to_hdf5_group: every layer of model.layers, the names in attributes."""
    saved = layers if model["api"] == "functional" else layers[1:]
    group.attrs["layer_names"] = np.array([layer["name"].encode("utf8") for layer in saved])
    group.attrs["backend"] = b"tensorflow"
    group.attrs["keras_version"] = b"2.15.0"
    for layer in sorted(saved, key=lambda x: x["name"]):
        g = group.create_group(layer["name"])
        if layer["class"] == "Dense":
            names = [layer["name"] + "/kernel:0", layer["name"] + "/bias:0"][:len(dense_weights(layer))]
            g.attrs["weight_names"] = np.asarray([n.encode("utf8") for n in names])
            for name, w in zip(names, dense_weights(layer)):
                g.create_dataset(name, data=w)
        else:
            g.attrs["weight_names"] = np.asarray([])  # no weights: an empty array of float64
    group.create_group("top_level_model_weights").attrs["weight_names"] = np.asarray([])


def predict(model, layers, x):
    h = np.asarray(x, dtype=np.float32).reshape([len(x)] + model["input_shape"])
    with np.errstate(over="ignore"):
        for layer in layers[1:]:
            cls = layer["class"]
            if cls == "Flatten":
                h = h.reshape(len(x), -1)
            elif cls == "Dense":
                weights = dense_weights(layer)
                h = h @ weights[0] + (weights[1] if len(weights) == 2 else np.float32(0))
                h = ACTIVATIONS[layer["activation"]](h)
            elif cls == "Activation":
                h = ACTIVATIONS[layer["activation"]](h)
            elif cls != "Dropout":  # Dropout passes its inputs on unchanged when predicting
                raise ValueError(cls)
            assert h.dtype == np.float32, h.dtype
    return h.astype(float).tolist()


def write(directory, model):
    layers = named(model)
    base = os.path.join(directory, model["name"])
    files = {}

    weights = io.BytesIO()
    with h5py.File(weights, "w") as f:
        keras3_weights(f, model, layers)
    path = base + ".keras"
    with zipfile.ZipFile(path, "w") as archive:  # ZIP_STORED, as Keras saves
        archive.writestr("metadata.json", json.dumps({"keras_version": "3.10.0",
                                                      "date_saved": "2025-05-19@14:03:07"}))
        archive.writestr("config.json", json.dumps(keras3_config(model, layers)))
        archive.writestr("model.weights.h5", weights.getvalue())
    files["keras"] = path

    path = base + ".weights.h5"
    with open(path, "wb") as f:
        f.write(weights.getvalue())
    files["weights.h5"] = path

    path = base + ".h5"
    with h5py.File(path, "w") as f:
        f.attrs["backend"] = "tensorflow"
        f.attrs["keras_version"] = "2.15.0"
        f.attrs["model_config"] = json.dumps(keras2_config(model, layers))
        keras2_weights(f.create_group("model_weights"), model, layers)
    files["h5"] = path

    path = base + ".weights-only.h5"
    with h5py.File(path, "w") as f:
        keras2_weights(f, model, layers)
    files["weights-only.h5"] = path

    with h5py.File(files["h5"], "r") as f:  # what Keras' own reader of .h5 files sees
        empty = [name for name in f["model_weights"] if f["model_weights"][name].attrs["weight_names"].size == 0]
        float_names = [name for name in empty
                       if f["model_weights"][name].attrs["weight_names"].dtype == np.float64]
    return {"files": files, "predictions": predict(model, layers, model["x"]),
            "weightless": sorted(empty), "float_weight_names": sorted(float_names)}


def main():
    request = json.load(sys.stdin)
    json.dump([write(request["dir"], m) for m in request["models"]], sys.stdout)


if __name__ == "__main__":
    main()
