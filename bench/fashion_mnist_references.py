"""Seconds per epoch of PyTorch and scikit-learn on the lecture's Fashion-MNIST model, one thread, for comparison
with `neural-playground bench --network fashion-mnist` (run both with bench/side-by-side.sh).

The same work as the project's benchmark: 784-128 relu-10 softmax, sparse categorical cross-entropy, SGD at 0.05,
batch 32, shuffled, one epoch = the 60,000 training images; one untimed warm-up epoch, then the median of three,
and the test accuracy after three epochs. Debian's python3-torch (float32) and python3-sklearn, under
/usr/bin/python3. Usage: fashion_mnist_references.py [FOLDER of the four .gz IDX files]
"""
import gzip
import os
import statistics
import sys
import time
import warnings

os.environ.setdefault("OMP_NUM_THREADS", "1")
import numpy as np

folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"


def idx(name, offset):
    with gzip.open(os.path.join(folder, name)) as f:
        return np.frombuffer(f.read(), np.uint8, offset=offset)


x = (idx("train-images-idx3-ubyte.gz", 16).reshape(-1, 784) / 255.0).astype(np.float32)
y = idx("train-labels-idx1-ubyte.gz", 8).astype(np.int64)
xt = (idx("t10k-images-idx3-ubyte.gz", 16).reshape(-1, 784) / 255.0).astype(np.float32)
yt = idx("t10k-labels-idx1-ubyte.gz", 8).astype(np.int64)


def report(name, seconds, accuracy):
    print(f"{name}: {statistics.median(seconds[1:]):.2f} s/epoch (median of {len(seconds) - 1}; "
          f"epochs {', '.join(f'{s:.3f}' for s in seconds)} s, the first a warm-up); "
          f"test accuracy after 3 epochs {accuracy:.4f}", flush=True)


def torch_run(seed, epochs):
    import torch
    import torch.nn as nn
    torch.set_num_threads(1)
    torch.manual_seed(seed)
    X, Y, XT, YT = map(torch.from_numpy, (x, y, xt, yt))
    model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 10))
    opt = torch.optim.SGD(model.parameters(), lr=0.05)
    seconds, accuracy = [], None
    for epoch in range(epochs):
        start = time.perf_counter()
        perm = torch.randperm(len(X))
        for s in range(0, len(X), 32):
            i = perm[s:s + 32]
            opt.zero_grad()
            nn.functional.cross_entropy(model(X[i]), Y[i]).backward()
            opt.step()
        seconds.append(time.perf_counter() - start)
        if epoch == 2:
            with torch.no_grad():
                accuracy = (model(XT).argmax(1) == YT).float().mean().item()
    return f"PyTorch {torch.__version__} (float32, 1 thread)", seconds, accuracy


def sklearn_run():
    import sklearn
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.neural_network import MLPClassifier
    model = MLPClassifier(hidden_layer_sizes=(128,), activation="relu", solver="sgd", learning_rate_init=0.05,
                          batch_size=32, momentum=0, alpha=0, max_iter=1, shuffle=True, random_state=1,
                          warm_start=True)
    seconds, accuracy = [], None
    for epoch in range(4):
        start = time.perf_counter()
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            model.fit(x, y)
        seconds.append(time.perf_counter() - start)
        if epoch == 2:
            accuracy = model.score(xt, yt)
    report(f"scikit-learn {sklearn.__version__} MLPClassifier (1 thread)", seconds, accuracy)


name, seconds, accuracy = torch_run(1, 4)
report(name, seconds, accuracy)
others = [torch_run(seed, 3)[2] for seed in range(2, 6)]
print(f"PyTorch test accuracy after 3 epochs: {statistics.median([accuracy] + others):.4f} (median of seeds 1-5; "
      f"{min([accuracy] + others):.4f} to {max([accuracy] + others):.4f})", flush=True)
sklearn_run()
