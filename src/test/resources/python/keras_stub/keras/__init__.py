"""A stand-in for Keras 3, for tests only: Keras cannot be installed where Neural Playground is built.

It implements, with NumPy, exactly the part of Keras 3's public API that the Python file of
io.neuralplayground.io.PythonKerasExport uses, plus what the test needs to look at the model it built:

    keras.Sequential(layers=None, trainable=True, name=None)
        .add(layer), .layers, .weights, .get_weights(), .set_weights(weights), .predict(x, verbose=...),
        .summary()
    keras.Input(shape=..., batch_size=None, dtype=None, name=None)
    keras.layers.InputLayer(shape=..., batch_size=None, dtype=None, name=None)
    keras.layers.Dense(units, activation=None, use_bias=True, name=None, dtype=None)
    keras.activations.get(identifier) and the activations the playground has
    keras.config.floatx(), keras.config.set_floatx(value)

and checks what Keras checks, as strictly as Keras does (keras.io/api and Keras 3's sources): activation
identifiers are Keras' function names, case and all; a Dense layer's weights are [kernel of shape
(inputs, units), bias of shape (units,)]; set_weights wants exactly as many arrays as the model has weights,
each of its variable's shape, and casts them to the variable's dtype; layer names are unique within a model;
predict takes arrays of the input's shape and computes in floatx. Anything else -- another argument, another
function, another activation -- is missing here on purpose: an AttributeError or TypeError from this stub means
the exported file uses an API this stand-in does not vouch for.
"""
from keras import activations, config, layers, models
from keras.layers import Input
from keras.models import Sequential

__all__ = ["Input", "Sequential", "activations", "config", "layers", "models"]
