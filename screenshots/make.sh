#!/usr/bin/env bash
# Makes every picture in this folder with the screenshot command (the real window, under a virtual display when
# there is no screen). Run from the project folder after `mvn -q -B package -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
shot() {
  if [ -n "${DISPLAY:-}" ]; then
    java -jar target/neural-playground.jar screenshot "$@"
  else
    xvfb-run -a java -jar target/neural-playground.jar screenshot "$@"
  fi
}
shot --out screenshots/playground-spiral.png --dataset spiral --features all --layers 8,8,8 --activation relu \
  --epochs 300 --show-test-data
shot --out screenshots/playground-circle.png --dataset circle --epochs 200
shot --out screenshots/playground-xor-discretized.png --dataset xor --noise 15 --epochs 300 --show-test-data \
  --discretize
shot --out screenshots/playground-multigauss.png --dataset multigauss --features all --layers 8,8,4 --epochs 300
shot --out screenshots/playground-small-window.png --dataset spiral --features all --layers 8,8,8,8,8,8 \
  --epochs 100 --show-test-data --width 1024 --height 640
shot --out screenshots/playground-blobs-confusion.png --dataset blobs --classes 4 --noise 40 --layers 6,6 \
  --epochs 150 --show-test-data --mark 3,2
shot --out screenshots/playground-spirals-discretized.png --dataset spirals --classes 3 --features all \
  --layers 8,8,8 --activation relu --optimizer adam --lr 0.003 --epochs 500 --discretize --show-test-data
shot --out screenshots/playground-iris-axes.png --data example:iris.csv --label species --layers 8 \
  --activation relu --optimizer adam --lr 0.01 --epochs 100 --show-test-data --axes petal_length,petal_width
shot --out screenshots/playground-breast-cancer.png --data example:breast-cancer.csv --label diagnosis --layers 8 \
  --activation relu --optimizer adam --lr 0.01 --epochs 60 --show-test-data --axes worst_radius,worst_concave_points
shot --out screenshots/playground-early-stopping.png --dataset spiral --features all --layers 8,8 --optimizer adam \
  --lr 0.01 --epochs 3000 --show-test-data --early-stopping --patience 50 --restore-best
shot --out screenshots/stepper.png --view stepper --textbook --step 12
shot --out screenshots/stepper-minibatch.png --view stepper --epochs 100 --minibatch 4 --step 10
shot --out screenshots/gradcheck.png --view gradcheck --epochs 300 --minibatch 10
shot --out screenshots/autodiff.png --view autodiff --step 9
shot --out screenshots/file-export-menu.png --dataset xor --epochs 200 --menu "File/Export network"
shot --out screenshots/images-tab.png --view images --epochs 10 --select 2 --weight-change
shot --out screenshots/images-confusion.png --view images --epochs 3 --panel confusion
shot --out screenshots/tuning-mid-search.png --view tuning --dataset spiral --features all --width 1400 --height 900 \
  --tune-algorithm random --tune-trials 30 --tune-epochs 1500 --tune-mid 8
shot --out screenshots/tuning-done.png --view tuning --dataset spiral --features all --width 1400 --height 900 \
  --tune-algorithm tpe --tune-trials 30 --tune-epochs 100
