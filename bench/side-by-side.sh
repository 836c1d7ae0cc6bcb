#!/usr/bin/env bash
# The float32 engine, PyTorch and scikit-learn on the same Fashion-MNIST epoch, one thread each, one after the
# other in one run (these machines are shared: compare figures of one run, not of different days).
# Run from the project folder after `mvn -q -B package -DskipTests`; needs Debian's dataset-fashion-mnist,
# python3-torch and python3-sklearn.
set -euo pipefail
cd "$(dirname "$0")/.."
export OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1
java -jar target/neural-playground.jar bench --network fashion-mnist --epochs 3 | tail -3
/usr/bin/python3 bench/fashion_mnist_references.py "$@"
