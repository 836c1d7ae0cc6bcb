"""keras.layers: Dense and InputLayer, and keras.Input, with Keras 3's checks."""
import numpy as np

from keras import activations, config

_NAME_COUNTS = {}


def _unique_name(prefix):
    # Keras names layers dense, dense_1, dense_2, ... in the order they are made.
    count = _NAME_COUNTS.get(prefix, 0)
    _NAME_COUNTS[prefix] = count + 1
    return prefix if count == 0 else f"{prefix}_{count}"


def _dtype(dtype):
    name = config.floatx() if dtype is None else str(np.dtype(dtype))
    if name == "bfloat16":
        raise NotImplementedError("the Keras stub has no bfloat16")
    return np.dtype(name)


def _shape(shape, what):
    if not isinstance(shape, (tuple, list)) or not all(isinstance(d, int) and not isinstance(d, bool) and d > 0
                                                       for d in shape):
        raise ValueError(f"{what}: a shape must be a tuple of positive integers (batch axis excluded), "
                         f"received: shape={shape!r}")
    return tuple(shape)


class Variable:
    """A weight: a NumPy array of fixed shape and dtype. assign() casts the value, and its shape must match."""

    def __init__(self, value, name):
        self._value = value
        self.name = name

    @property
    def shape(self):
        return self._value.shape

    @property
    def dtype(self):
        return str(self._value.dtype)

    def assign(self, value):
        value = np.asarray(value)
        if value.shape != self._value.shape:
            raise ValueError("The shape of the target variable and the shape of the target value in "
                             f"`variable.assign(value)` must match. variable.shape={self._value.shape}, "
                             f"Received: value.shape={value.shape}. Target variable: {self.name}")
        self._value = value.astype(self._value.dtype)

    def numpy(self):
        return self._value.copy()


class Layer:
    def __init__(self, name=None, dtype=None):
        if name is not None and not isinstance(name, str):
            raise TypeError(f"a layer's name must be a string, received: {name!r}")
        self.name = name
        self._dtype = dtype
        self.built = False
        self._variables = []

    @property
    def weights(self):
        return list(self._variables)

    def get_weights(self):
        return [v.numpy() for v in self.weights]

    def set_weights(self, weights):
        # As keras.layers.Layer.set_weights in Keras 3.
        layer_weights = self.weights
        if len(layer_weights) != len(weights):
            raise ValueError(f"You called `set_weights(weights)` on layer '{self.name}' with a weight list of "
                             f"length {len(weights)}, but the layer was expecting {len(layer_weights)} weights.")
        for variable, value in zip(layer_weights, weights):
            if variable.shape != np.shape(value):
                raise ValueError(f"Layer {self.name} weight shape {variable.shape} is not compatible with provided "
                                 f"weight shape {np.shape(value)}.")
            variable.assign(value)


class InputLayer(Layer):
    def __init__(self, shape=None, batch_size=None, dtype=None, name=None):
        super().__init__(name=name if name is not None else _unique_name("input_layer"), dtype=dtype)
        self.shape = _shape(shape, "InputLayer")
        if batch_size is not None and (not isinstance(batch_size, int) or batch_size < 1):
            raise ValueError(f"batch_size must be a positive integer, received: {batch_size!r}")
        self.batch_size = batch_size
        self.built = True
        self.output = KerasTensor((batch_size,) + self.shape, _dtype(dtype), self)


class KerasTensor:
    """What keras.Input returns: a symbolic tensor whose history leads back to its InputLayer."""

    def __init__(self, shape, dtype, layer):
        self.shape = shape
        self.dtype = str(dtype)
        self._keras_history = (layer, 0, 0)


def Input(shape=None, batch_size=None, dtype=None, name=None):
    """keras.Input: a symbolic input of this shape (batch axis excluded)."""
    return InputLayer(shape=shape, batch_size=batch_size, dtype=dtype, name=name).output


class Dense(Layer):
    def __init__(self, units, activation=None, use_bias=True, name=None, dtype=None):
        if not isinstance(units, int) or isinstance(units, bool) or units <= 0:
            raise ValueError(f"Received an invalid value for `units`, expected a positive integer. "
                             f"Received: units={units}")
        super().__init__(name=name if name is not None else _unique_name("dense"), dtype=dtype)
        self.units = units
        self.activation = activations.get(activation)
        self.use_bias = bool(use_bias)

    def build(self, input_shape):
        if self.built:
            return
        dtype = _dtype(self._dtype)
        inputs = input_shape[-1]
        limit = np.sqrt(6.0 / (inputs + self.units))
        rng = np.random.default_rng()
        # Keras' defaults: glorot_uniform kernel of shape (inputs, units), zero bias of shape (units,).
        self.kernel = Variable(rng.uniform(-limit, limit, (inputs, self.units)).astype(dtype), "kernel")
        self._variables = [self.kernel]
        if self.use_bias:
            self.bias = Variable(np.zeros((self.units,), dtype=dtype), "bias")
            self._variables.append(self.bias)
        self.input_dim = inputs
        self.built = True

    def __call__(self, x):
        if not self.built:
            self.build(x.shape)
        if x.shape[-1] != self.input_dim:
            raise ValueError(f'Input 0 of layer "{self.name}" is incompatible with the layer: expected axis -1 of '
                             f"input shape to have value {self.input_dim}, but received input with shape {x.shape}")
        dtype = self.kernel.numpy().dtype
        y = x.astype(dtype) @ self.kernel.numpy()
        if self.use_bias:
            y = y + self.bias.numpy()
        y = self.activation(y)
        if y.dtype != dtype:
            raise AssertionError(f"the stub computed {self.name} in {y.dtype}, not {dtype}")
        return y

    def output_shape(self):
        return (None, self.units)
