"""keras.Sequential (keras.models.Sequential), as Keras 3 builds it from a list of layers."""
import sys

import numpy as np

from keras import layers as layers_module

_NAME_COUNTS = {}


class Sequential:
    def __init__(self, layers=None, trainable=True, name=None):
        count = _NAME_COUNTS.get("sequential", 0)
        _NAME_COUNTS["sequential"] = count + 1
        self.name = name if name is not None else ("sequential" if count == 0 else f"sequential_{count}")
        self.trainable = trainable
        self._input = None
        self._layers = []
        for layer in layers or []:
            self.add(layer)

    def add(self, layer):
        # A KerasTensor from keras.Input stands for its InputLayer.
        history = getattr(layer, "_keras_history", None)
        if history is not None and isinstance(history[0], layers_module.InputLayer):
            layer = history[0]
        if not isinstance(layer, layers_module.Layer):
            raise ValueError("Only instances of `keras.Layer` can be added to a Sequential model. "
                             f"Received: {layer} (of type {type(layer)})")
        if isinstance(layer, layers_module.InputLayer):
            if self._input is not None or self._layers:
                raise ValueError("Sequential model may contain an InputLayer only as its first layer.")
            self._input = layer
            return
        if any(existing.name == layer.name for existing in self._layers):
            raise ValueError("All layers added to a Sequential model should have unique names. Name "
                             f"'{layer.name}' is already the name of a layer in this model.")
        self._layers.append(layer)
        if self._input is not None:
            self._build()

    def _build(self):
        shape = (None,) + self._input.shape
        for layer in self._layers:
            layer.build(shape)
            shape = (None, layer.units)

    @property
    def layers(self):
        return list(self._layers)

    @property
    def weights(self):
        return [v for layer in self._layers for v in layer.weights]

    # Keras 3's Layer.get_weights and set_weights, which a model inherits: over the model's variables in order.
    get_weights = layers_module.Layer.get_weights
    set_weights = layers_module.Layer.set_weights

    def predict(self, x, batch_size=None, verbose="auto", steps=None, callbacks=None):
        if verbose not in ("auto", 0, 1, 2):
            raise ValueError(f"verbose must be 'auto', 0, 1 or 2, received: {verbose!r}")
        if not isinstance(x, np.ndarray):
            raise TypeError(f"the Keras stub predicts NumPy arrays only, received {type(x)} (a list would be taken "
                            "for several inputs)")
        if self._input is None:
            raise ValueError("the model has no input shape: start it with keras.Input(shape=...)")
        if x.shape[1:] != self._input.shape:
            raise ValueError(f'Input 0 of layer "{self._layers[0].name}" is incompatible with the layer: expected '
                             f"shape=(None, {', '.join(map(str, self._input.shape))}), found shape={x.shape}")
        if not np.issubdtype(x.dtype, np.floating):
            raise TypeError(f"the Keras stub predicts float arrays only, received {x.dtype}")
        h = x
        for layer in self._layers:
            h = layer(h)
        return h

    def summary(self, line_length=None, positions=None, print_fn=None, expand_nested=False, show_trainable=False,
                layer_range=None):
        out = print_fn or (lambda line: print(line, file=sys.stdout))
        out(f'Model: "{self.name}"')
        for layer in self._layers:
            params = sum(int(np.prod(v.shape)) for v in layer.weights)
            out(f"  {layer.name} (Dense)  (None, {layer.units})  {params} params, {layer.activation.__name__}")
        out(f" Total params: {sum(int(np.prod(v.shape)) for v in self.weights)}")
