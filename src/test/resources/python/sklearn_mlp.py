"""scikit-learn's MLPClassifier on a split Neural Playground made, for its figures to be set beside the project's.

Reads JSON on standard input: {"train_x": [[...]], "train_y": [...], "test_x": [[...]], "test_y": [...]} (the
inputs as the project trained on them, the labels as class indices), and trains
MLPClassifier(hidden_layer_sizes=(8,), activation='relu', solver='adam', learning_rate_init=0.01, batch_size=10,
max_iter=200, random_state=1), every other setting scikit-learn's default (among them alpha=0.0001, an L2 penalty
the project's run does not have, and reshuffling every epoch). Writes JSON: its train and test accuracy and the
epochs it ran.
"""
import json
import sys
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier

case = json.load(sys.stdin)
train_x, train_y = np.array(case["train_x"], dtype=float), np.array(case["train_y"], dtype=int)
test_x, test_y = np.array(case["test_x"], dtype=float), np.array(case["test_y"], dtype=int)
model = MLPClassifier(hidden_layer_sizes=(8,), activation="relu", solver="adam", learning_rate_init=0.01,
                      batch_size=10, max_iter=200, random_state=1)
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always", ConvergenceWarning)
    model.fit(train_x, train_y)
json.dump({
    "train_accuracy": float(model.score(train_x, train_y)),
    "test_accuracy": float(model.score(test_x, test_y)),
    "epochs": int(model.n_iter_),
    "converged": not any(issubclass(w.category, ConvergenceWarning) for w in caught),
}, sys.stdout)
