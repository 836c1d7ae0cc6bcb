"""scikit-learn's classification metrics for Neural Playground's ConfusionMatrix to be compared with.

Reads a JSON list of cases on standard input, each {"classes": K, "truth": [...], "predicted": [...]} with class
indices 0 ... K-1, and writes a JSON list on standard output, one entry per case: the confusion matrix with
labels=range(K) (rows true, columns predicted), the accuracy, per-class precision, recall, F1 and support, and
their macro and weighted averages, all with zero_division=0.
"""
import json
import sys
import warnings

from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

warnings.simplefilter("ignore")  # a class never seen or never predicted is expected here, not a problem


def measures(case):
    labels = list(range(case["classes"]))
    truth, predicted = case["truth"], case["predicted"]
    p, r, f, s = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0)
    out = {
        "confusion": confusion_matrix(truth, predicted, labels=labels).tolist(),
        "accuracy": float(accuracy_score(truth, predicted)),
        "precision": p.tolist(),
        "recall": r.tolist(),
        "f1": f.tolist(),
        "support": [int(v) for v in s],
    }
    for average in ("macro", "weighted"):
        ap, ar, af, _ = precision_recall_fscore_support(truth, predicted, labels=labels, zero_division=0,
                                                        average=average)
        out[average] = {"precision": float(ap), "recall": float(ar), "f1": float(af)}
    return out


json.dump([measures(case) for case in json.load(sys.stdin)], sys.stdout)
