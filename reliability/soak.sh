#!/usr/bin/env bash
# Soak: the window training flat out on the largest network for SOAK_SECONDS (default an hour) under a virtual
# display when there is no screen, sampling its frame rate and its heap after a full collection every SOAK_SAMPLE
# seconds (default 60); then a headless `train` of SOAK_EPOCHS epochs (default a million) with the JVM's GC log.
# Prints how flat the heap and how steady the rates were. Run from anywhere after `mvn -q -B package -DskipTests`.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=${SOAK_JAR:-target/neural-playground.jar}
[ -f "$jar" ] || mvn -q -B package -DskipTests
out=${SOAK_OUT:-target/soak}
seconds=${SOAK_SECONDS:-3600}
sample=${SOAK_SAMPLE:-60}
epochs=${SOAK_EPOCHS:-1000000}
mkdir -p "$out"
window() {
  if [ -n "${DISPLAY:-}" ]; then "$@"; else xvfb-run -a "$@"; fi
}

echo "window: perf flat out for $seconds s, a sample every $sample s" >&2
window java -jar "$jar" perf --seconds "$seconds" --warmup 10 --sample "$sample" --features all \
  --layers 8,8,8,8,8,8 > "$out/perf.json" 2> "$out/perf-samples.log"

echo "headless: train for $epochs epochs" >&2
java -Xlog:gc:file="$out/train-gc.log" -jar "$jar" train --features all --layers 8,8,8,8,8,8 --epochs "$epochs" \
  --every $((epochs / 20)) --json | while IFS= read -r line; do
    printf '%s %s\n' "$(date +%s.%N)" "$line"
  done > "$out/train.log"

python3 - "$out" <<'PY'
import json, re, statistics, sys
out = sys.argv[1]

def spread(values):
    m = statistics.median(values)
    return m, min(values), max(values), 100 * max(abs(v - m) for v in values) / m

samples = [json.loads(l) for l in open(f"{out}/perf-samples.log") if l.startswith("{")]
later = samples[1:] or samples  # the first stretch still warms up
heap = spread([s["heap_used_after_gc_mb"] for s in later])
fps = spread([s["frames_per_second"] for s in later])
eps = spread([s["epochs_per_second"] for s in later])
print(f"window, {len(samples)} samples of {samples[0]['t']:.0f} s, {samples[-1]['t']:.0f} s in all:")
print(f"  heap after GC   median {heap[0]:.1f} MB, {heap[1]:.1f} to {heap[2]:.1f} MB, at most {heap[3]:.1f} % off")
print(f"  frames/s        median {fps[0]:.1f}, {fps[1]:.1f} to {fps[2]:.1f}, at most {fps[3]:.1f} % off")
print(f"  epochs/s        median {eps[0]:.0f}, {eps[1]:.0f} to {eps[2]:.0f}, at most {eps[3]:.1f} % off")

stamps = []
for line in open(f"{out}/train.log"):
    t, text = line.split(" ", 1)
    obj = json.loads(text)
    if "epoch" in obj:
        stamps.append((float(t), obj["epoch"]))
rates = [(e1 - e0) / (t1 - t0) for (t0, e0), (t1, e1) in zip(stamps, stamps[1:])]
rate = spread(rates[1:] or rates)
after = [int(m.group(1)) for m in re.finditer(r"->(\d+)M", open(f"{out}/train-gc.log").read())]
print(f"train, {stamps[-1][1]:,} epochs in {stamps[-1][0] - stamps[0][0]:.0f} s:")
print(f"  epochs/s per {stamps[1][1] - stamps[0][1]:,} epochs  median {rate[0]:.0f}, {rate[1]:.0f} to {rate[2]:.0f}, "
      f"at most {rate[3]:.1f} % off")
if after:
    q = max(1, len(after) // 4)
    print(f"  heap after GC   {len(after)} collections; median {statistics.median(after[:q])} MB in the first quarter, "
          f"{statistics.median(after[-q:])} MB in the last; at most {max(after)} MB")
PY
