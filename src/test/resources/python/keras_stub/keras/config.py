"""keras.config: floatx() and set_floatx(value), as in Keras 3 (default 'float32')."""

_FLOATX = "float32"
_ALLOWED = ("bfloat16", "float16", "float32", "float64")


def floatx():
    """The default float type, as a string: 'float32' unless set_floatx changed it."""
    return _FLOATX


def set_floatx(value):
    """Sets the default float type; Keras accepts 'bfloat16', 'float16', 'float32' and 'float64'."""
    global _FLOATX
    if value not in _ALLOWED:
        raise ValueError(f"Unknown `floatx` value: {value}. Expected one of {set(_ALLOWED)}")
    _FLOATX = str(value)
