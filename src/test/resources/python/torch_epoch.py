"""One epoch of minibatch SGD in PyTorch, float32, one thread: the reference for the float32 engine.

Reads from the folder named in the JSON on stdin: x.f32 (examples x inputs, float32, little-endian, row-major),
y.i32 (classes), order.i32 (the order the examples are visited in), and for each layer l w{l}.f32 (inputs x
units, Keras' layout) and b{l}.f32, with the hidden activation and the learning rate and batch size from the JSON.
Writes the trained w{l}.out.f32 and b{l}.out.f32 beside them and prints the epoch's mean loss as JSON.
The loss is torch.nn.functional.cross_entropy on the logits (softmax and sparse categorical cross-entropy, the
mean over each batch); the step is p <- p - lr * p.grad, done by hand so nothing else (momentum, weight decay)
comes in.
"""
import json
import os
import sys

import numpy as np
import torch
import torch.nn.functional as F

spec = json.load(sys.stdin)
folder = spec["folder"]
torch.set_num_threads(1)
torch.manual_seed(0)


def load(name, dtype, shape=None):
    a = np.fromfile(os.path.join(folder, name), dtype=dtype)
    return a if shape is None else a.reshape(shape)


n, d = spec["examples"], spec["inputs"]
x = torch.from_numpy(load("x.f32", "<f4", (n, d)).copy())
y = torch.from_numpy(load("y.i32", "<i4").astype(np.int64))
order = torch.from_numpy(load("order.i32", "<i4").astype(np.int64))
shapes = spec["layers"]  # [[inputs, units], ...]
weights, biases = [], []
for l, (i, u) in enumerate(shapes):
    weights.append(torch.from_numpy(load(f"w{l}.f32", "<f4", (i, u)).copy()).requires_grad_())
    biases.append(torch.from_numpy(load(f"b{l}.f32", "<f4", (u,)).copy()).requires_grad_())
hidden = {"relu": torch.relu, "tanh": torch.tanh, "sigmoid": torch.sigmoid, "linear": lambda z: z}[spec["hidden"]]
lr, batch = spec["learning_rate"], spec["batch_size"]

total = 0.0
for start in range(0, n, batch):
    idx = order[start:start + batch]
    h = x[idx]
    for l in range(len(weights) - 1):
        h = hidden(h @ weights[l] + biases[l])
    logits = h @ weights[-1] + biases[-1]
    loss = F.cross_entropy(logits, y[idx])
    total += loss.item() * len(idx)
    for p in weights + biases:
        p.grad = None
    loss.backward()
    with torch.no_grad():
        for p in weights + biases:
            p -= lr * p.grad

for l in range(len(weights)):
    weights[l].detach().numpy().astype("<f4").tofile(os.path.join(folder, f"w{l}.out.f32"))
    biases[l].detach().numpy().astype("<f4").tofile(os.path.join(folder, f"b{l}.out.f32"))
print(json.dumps({"mean_loss": total / n, "torch": torch.__version__}))
