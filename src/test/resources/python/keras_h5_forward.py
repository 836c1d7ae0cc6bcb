"""Opens Keras files with h5py and zipfile as Keras' own loaders find their parts, and runs a NumPy forward pass.

Reads {"files": [{"path": "m.keras", "kind": "keras" | "weights.h5" | "h5", "activations": [...] (weights.h5
only: such a file has none), "inputs": [[...], ...]}, ...]} on standard input. For every file:

  keras       a zip archive: the entries and how each is compressed; metadata.json and config.json parsed;
              model.weights.h5 read from the archive in memory and opened with h5py; the model's own variables
              at the root's vars, opened as Keras 3.0 to 3.5 open it (unconditionally: h5py's KeyError "object
              'vars' doesn't exist" when it is missing, as in Keras); the weights of the Dense layers at
              layers/<name>/vars/0 (kernel) and vars/1 (bias), the layers named as the config names them; the
              activations from the config.
  weights.h5  the same weights layout (the root's vars too), the layers in Keras' order (dense, dense_1, dense_2 ...); the activations
              as given.
  h5          Keras 2's layout: the attributes of the root (keras_version, backend, model_config), the list
              model_weights.attrs["layer_names"], each layer's attrs["weight_names"] naming its kernel and bias
              below its group, as Keras 2's load_weights_from_hdf5_group reads them; the activations from
              model_config.

Then a forward pass in float32, as Keras computes it: h = activation(h @ kernel + bias) layer by layer. Writes on
standard output a list with, per file, every dataset (path, dtype, byte order, shape), every group and which are
empty, the layers (name, units, activation) and the input shape the config gives, the kernels and biases, the
attributes and entries read, and the predictions. Nothing here knows how Neural Playground writes the files.
"""
import io
import json
import sys
import zipfile

import h5py
import numpy as np


def activate(name, a):
    if name == "linear":
        return a
    if name == "relu":
        return np.maximum(a, np.float32(0))
    if name == "leaky_relu":  # keras.activations.leaky_relu: negative_slope=0.2
        return np.where(a > 0, a, np.float32(0.2) * a)
    if name == "elu":  # keras.activations.elu: alpha=1.0
        return np.where(a > 0, a, np.expm1(np.minimum(a, np.float32(0))))
    if name == "tanh":
        return np.tanh(a)
    if name == "sigmoid":
        return np.float32(1) / (np.float32(1) + np.exp(-a))
    if name == "softmax":  # over the last axis
        e = np.exp(a - a.max(axis=-1, keepdims=True))
        return e / e.sum(axis=-1, keepdims=True)
    raise ValueError("unknown activation " + name)


def text(value):
    """An attribute as h5py gives it (str, bytes, numpy bytes) as a str."""
    if isinstance(value, (bytes, np.bytes_)):
        return bytes(value).decode("utf-8")
    return str(value)


def texts(value):
    return [text(v) for v in np.atleast_1d(value)]


def describe_hdf5(f):
    """Every dataset and group of an open h5py file."""
    datasets = {}
    groups = []

    def visit(name, obj):
        if isinstance(obj, h5py.Dataset):
            datasets[name] = {"dtype": str(obj.dtype), "byteorder": obj.dtype.str[0], "shape": list(obj.shape),
                              "compression": obj.compression, "chunks": obj.chunks is not None}
        else:
            groups.append({"path": name, "members": len(obj)})

    f.visititems(visit)
    out = {"datasets": datasets, "groups": groups, "root_attributes": sorted(f.attrs.keys())}
    if "neural_playground" in f.attrs:  # the playground's own: the names of the inputs, as JSON text
        out["neural_playground"] = json.loads(text(f.attrs["neural_playground"]))
    return out


def keras3_weights(f, names):
    """The kernels and biases of layers/<name>/vars, as Keras 3 saves a Sequential model's Dense layers.

    Keras 3.0 to 3.5 first load the model's own variables from the root's vars, which they open without looking
    whether it is there (H5Entry with an empty path: self.h5_file["vars"]); so does this.
    """
    model_vars = f["vars"]
    assert isinstance(model_vars, h5py.Group), model_vars
    assert len(model_vars) == 0, list(model_vars)  # a Sequential model has no variables of its own
    kernels, biases = [], []
    for name in names:
        variables = f["layers"][name]["vars"]
        kernels.append(np.asarray(variables["0"]))
        biases.append(np.asarray(variables["1"]))
    return kernels, biases


def keras_order(name):
    """dense -> 0, dense_1 -> 1, ...: Keras numbers the layers of one class in the order they were made."""
    return 0 if name == "dense" else int(name.rsplit("_", 1)[1])


def dense_layers(config):
    """The Dense layers of a Sequential config, and the input shape its InputLayer gives."""
    assert config["class_name"] == "Sequential", config["class_name"]
    layers = config["config"]["layers"]
    assert layers[0]["class_name"] == "InputLayer", layers[0]["class_name"]
    first = layers[0]["config"]
    input_shape = first.get("batch_shape", first.get("batch_input_shape"))
    dense = []
    for layer in layers[1:]:
        assert layer["class_name"] == "Dense", layer["class_name"]
        c = layer["config"]
        dense.append({"name": c["name"], "units": c["units"], "activation": c["activation"],
                      "use_bias": c["use_bias"]})
    return dense, input_shape


def read(request):
    kind = request["kind"]
    out = {"kind": kind}
    if kind == "keras":
        with zipfile.ZipFile(request["path"]) as archive:
            out["entries"] = [{"name": i.filename, "compress_type": i.compress_type, "file_size": i.file_size}
                              for i in archive.infolist()]
            assert archive.testzip() is None
            out["metadata"] = json.loads(archive.read("metadata.json"))
            config = json.loads(archive.read("config.json"))
            weights = archive.read("model.weights.h5")
        layers, out["input_shape"] = dense_layers(config)
        with h5py.File(io.BytesIO(weights), "r") as f:
            out.update(describe_hdf5(f))
            kernels, biases = keras3_weights(f, [layer["name"] for layer in layers])
        activations = [layer["activation"] for layer in layers]
    elif kind == "weights.h5":
        with h5py.File(request["path"], "r") as f:
            out.update(describe_hdf5(f))
            names = sorted(f["layers"].keys(), key=keras_order)
            kernels, biases = keras3_weights(f, names)
        layers = [{"name": n} for n in names]
        activations = request["activations"]
    elif kind == "h5":
        with h5py.File(request["path"], "r") as f:
            out.update(describe_hdf5(f))
            out["keras_version"] = text(f.attrs["keras_version"])
            out["backend"] = text(f.attrs["backend"])
            config = json.loads(text(f.attrs["model_config"]))
            group = f["model_weights"]
            out["model_weights_attributes"] = sorted(group.attrs.keys())
            out["model_weights_keras_version"] = text(group.attrs["keras_version"])
            layer_names = texts(group.attrs["layer_names"])
            out["layer_names"] = layer_names
            kernels, biases, weight_names = [], [], []
            for name in layer_names:
                names = texts(group[name].attrs["weight_names"])
                weight_names.append(names)
                if not names:
                    continue
                kernel, bias = (np.asarray(group[name][n]) for n in names)
                kernels.append(kernel)
                biases.append(bias)
            out["weight_names"] = weight_names
        layers, out["input_shape"] = dense_layers(config)
        activations = [layer["activation"] for layer in layers]
    else:
        raise ValueError(kind)

    out["layers"] = layers
    out["kernels"] = [k.astype(float).tolist() for k in kernels]
    out["biases"] = [b.astype(float).tolist() for b in biases]
    h = np.asarray(request["inputs"], dtype=np.float32)
    with np.errstate(over="ignore"):
        for kernel, bias, activation in zip(kernels, biases, activations):
            assert kernel.dtype == np.float32 and bias.dtype == np.float32
            h = activate(activation, h @ kernel + bias)
            assert h.dtype == np.float32, h.dtype
    out["predictions"] = h.astype(float).tolist()
    return out


def main():
    request = json.load(sys.stdin)
    json.dump([read(r) for r in request["files"]], sys.stdout)


if __name__ == "__main__":
    main()
