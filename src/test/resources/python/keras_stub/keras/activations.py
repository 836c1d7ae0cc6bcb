"""keras.activations: get(identifier) and, computed with NumPy, the activations Neural Playground has.

The identifiers are the names of Keras 3's activation functions (keras/src/activations/__init__.py,
ALL_OBJECTS_DICT), looked up exactly as Keras does: case-sensitive, no aliases beyond Keras' own. The ones the
playground does not have are known by name but not computed here.
"""
import numpy as np


def linear(x):
    return x


def relu(x, negative_slope=0.0, max_value=None, threshold=0.0):
    if (negative_slope, max_value, threshold) != (0.0, None, 0.0):
        raise NotImplementedError("the stub computes relu with Keras' defaults only")
    return np.maximum(x, np.zeros((), dtype=x.dtype))


def leaky_relu(x, negative_slope=0.2):
    # Keras 3: negative_slope defaults to 0.2 (the layer keras.layers.LeakyReLU defaults to 0.3).
    return np.where(x > 0, x, np.asarray(negative_slope, dtype=x.dtype) * x)


def elu(x, alpha=1.0):
    # Keras 3: alpha defaults to 1.0; x for x > 0, alpha * (exp(x) - 1) otherwise.
    return np.where(x > 0, x, np.asarray(alpha, dtype=x.dtype) * np.expm1(np.minimum(x, 0)))


def tanh(x):
    return np.tanh(x)


def sigmoid(x):
    e = np.exp(-np.abs(x))
    one = np.ones((), dtype=x.dtype)
    return np.where(x >= 0, one / (one + e), e / (one + e))


def softmax(x, axis=-1):
    e = np.exp(x - x.max(axis=axis, keepdims=True))
    return e / e.sum(axis=axis, keepdims=True)


def _not_in_the_stub(name):
    def activation(x):
        raise NotImplementedError(f"the Keras stub does not compute the activation '{name}'")

    activation.__name__ = name
    return activation


_COMPUTED = {f.__name__: f for f in (linear, relu, leaky_relu, elu, tanh, sigmoid, softmax)}
# Keras 3's other activation names, so that the stub tells "not computed here" from "not Keras".
_KNOWN = ("relu6", "selu", "softplus", "softsign", "silu", "gelu", "exponential", "hard_sigmoid", "hard_silu",
          "mish", "log_softmax", "crelu", "swish", "hard_swish")
ALL_OBJECTS_DICT = dict(_COMPUTED, **{name: _not_in_the_stub(name) for name in _KNOWN})


def get(identifier):
    """As keras.activations.get: None is linear, a string must be a Keras activation's name, a callable is kept."""
    if identifier is None:
        return linear
    if isinstance(identifier, str):
        obj = ALL_OBJECTS_DICT.get(identifier, None)
    else:
        obj = identifier
    if callable(obj):
        return obj
    raise ValueError(f"Could not interpret activation function identifier: {identifier}")
