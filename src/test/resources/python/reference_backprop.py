"""Independent NumPy reference for Neural Playground's forward and backward pass.

Reads a JSON case on standard input:
  {"layers": [{"kernel": [[...]], "bias": [...], "activation": "tanh"}, ...],
   "loss": "half_squared_error", "inputs": [[...], ...], "targets": [[...], ...], "learning_rate": 0.1}
and writes JSON on standard output with, per layer, the pre-activations a and activations h (rows are
examples), the mean loss, and per layer the mean gradients of kernel and bias and the weights after one plain
SGD step. Written from the textbook formulas and Keras' definitions, without looking at the Java code.
"""
import json
import sys

import numpy as np

EPS = 1e-7  # Keras' backend epsilon


def activate(name, a):
    if name == "linear":
        return a
    if name == "relu":
        return np.maximum(a, 0.0)
    if name == "leaky_relu":
        return np.where(a > 0, a, 0.2 * a)
    if name == "elu":
        return np.where(a > 0, a, np.expm1(np.minimum(a, 0.0)))
    if name == "tanh":
        return np.tanh(a)
    if name == "sigmoid":
        return 1.0 / (1.0 + np.exp(-a))
    if name == "softmax":
        z = a - a.max(axis=1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=1, keepdims=True)
    raise ValueError(name)


def jacobian_vector(name, a, h, g):
    """dL/da given dL/dh, one example per row."""
    if name == "linear":
        return g
    if name == "relu":
        return g * (a > 0)
    if name == "leaky_relu":
        return g * np.where(a > 0, 1.0, 0.2)
    if name == "elu":
        return g * np.where(a > 0, 1.0, np.exp(np.minimum(a, 0.0)))
    if name == "tanh":
        return g * (1.0 - np.tanh(a) ** 2)
    if name == "sigmoid":
        s = 1.0 / (1.0 + np.exp(-a))
        return g * s * (1.0 - s)
    if name == "softmax":
        out = np.empty_like(g)
        for r in range(g.shape[0]):
            y = h[r]
            jac = np.diag(y) - np.outer(y, y)  # J[i, j] = dy_i / da_j
            out[r] = jac.T @ g[r]
        return out
    raise ValueError(name)


def loss_and_grad(loss, out_activation, a, y, t):
    """Per-example losses and dL/da at the output layer (one example per row)."""
    n = y.shape[1]
    if loss == "half_squared_error":
        return 0.5 * ((y - t) ** 2).sum(axis=1), jacobian_vector(out_activation, a, y, y - t)
    if loss == "mean_squared_error":
        return ((y - t) ** 2).mean(axis=1), jacobian_vector(out_activation, a, y, 2.0 * (y - t) / n)
    if loss == "mean_absolute_error":
        return np.abs(y - t).mean(axis=1), jacobian_vector(out_activation, a, y, np.sign(y - t) / n)
    if loss == "binary_crossentropy":
        if out_activation == "sigmoid":
            # from logits: max(a, 0) - a t + log(1 + exp(-|a|))
            per = np.maximum(a, 0) - a * t + np.log1p(np.exp(-np.abs(a)))
            return per.mean(axis=1), (y - t) / n
        p = np.clip(y, EPS, 1 - EPS)
        inside = (y > EPS) & (y < 1 - EPS)
        per = -(t * np.log(p) + (1 - t) * np.log(1 - p))
        g = np.where(inside, (-t / y + (1 - t) / (1 - y)) / n, 0.0)
        return per.mean(axis=1), jacobian_vector(out_activation, a, y, g)
    if loss in ("categorical_crossentropy", "sparse_categorical_crossentropy"):
        if loss == "sparse_categorical_crossentropy":
            onehot = np.zeros_like(y)
            onehot[np.arange(y.shape[0]), t[:, 0].astype(int)] = 1.0
            t = onehot
        if out_activation == "softmax":
            m = a.max(axis=1, keepdims=True)
            lse = (m + np.log(np.exp(a - m).sum(axis=1, keepdims=True)))[:, 0]
            per = (t.sum(axis=1) * lse) - (t * a).sum(axis=1)
            return per, t.sum(axis=1, keepdims=True) * y - t
        p = np.clip(y, EPS, 1 - EPS)
        inside = (y > EPS) & (y < 1 - EPS)
        per = -(t * np.log(p)).sum(axis=1)
        g = np.where(inside, -t / y, 0.0)
        return per, jacobian_vector(out_activation, a, y, g)
    raise ValueError(loss)


def main():
    case = json.load(sys.stdin)
    x = np.array(case["inputs"], dtype=np.float64)
    t = np.array(case["targets"], dtype=np.float64)
    layers = [(np.array(l["kernel"], dtype=np.float64), np.array(l["bias"], dtype=np.float64), l["activation"])
              for l in case["layers"]]
    m = x.shape[0]
    hs, as_ = [x], []
    for kernel, bias, act in layers:
        a = hs[-1] @ kernel + bias
        as_.append(a)
        hs.append(activate(act, a))
    per_example, g = loss_and_grad(case["loss"], layers[-1][2], as_[-1], hs[-1], t)
    grads = [None] * len(layers)
    for k in range(len(layers) - 1, -1, -1):
        kernel, bias, act = layers[k]
        if k != len(layers) - 1:
            g = jacobian_vector(act, as_[k], hs[k + 1], g)
        grads[k] = (hs[k].T @ g / m, g.mean(axis=0))
        g = g @ kernel.T
    lr = case["learning_rate"]
    json.dump({
        "a": [a.tolist() for a in as_],
        "h": [h.tolist() for h in hs[1:]],
        "loss": float(per_example.mean()),
        "grad_kernel": [gk.tolist() for gk, _ in grads],
        "grad_bias": [gb.tolist() for _, gb in grads],
        "kernel_after_step": [(kernel - lr * gk).tolist() for (kernel, _, _), (gk, _) in zip(layers, grads)],
    }, sys.stdout)


if __name__ == "__main__":
    main()
