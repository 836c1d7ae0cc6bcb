#!/usr/bin/env bash
# Kill during save: a large network is written over an older version of the same file, and the writing process is
# killed with SIGKILL at a random moment; then the file must be the intact old version or the complete new one,
# readable by the playground's own reader, and no temporary file may be left once the next write into the folder has
# run (a killed process cannot delete its own; the application deletes stale ones of its naming on the next write).
#
#   reliability/kill-during-save.sh            60 kills: 12 for each of model JSON (train --out), .npz, .keras,
#                                              .weights.h5, .h5 (export --out)
#   KILLS_PER_FORMAT=20 SEED=7 reliability/kill-during-save.sh
#
# Half of the kills fall anywhere in the run (start-up included), half in the write itself: after the temporary file
# has appeared, within the time it lived (until its rename) when the write was not killed. Needs target/neural-playground.jar
# (mvn -q -B -o package -DskipTests). Exits non-zero when a file was corrupt or a temporary file stayed.
set -uo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/neural-playground.jar}
KILLS_PER_FORMAT=${KILLS_PER_FORMAT:-12}
SEED=${SEED:-1}
LAYERS=${LAYERS:-1200,1200}
[ -f "$JAR" ] || { echo "no $JAR: build it with mvn -q -B -o package -DskipTests" >&2; exit 2; }
RANDOM=$SEED
work=$(mktemp -d "${TMPDIR:-/tmp}/kill-during-save.XXXXXX")
trap 'rm -rf "$work"' EXIT
run() { java -jar "$JAR" "$@"; }
now() { date +%s.%N; }
temps() { find "$1" -maxdepth 1 -name '.*.tmp' | wc -l; }

# The two versions of the network: the older one (seed 1) and the newer one (seed 2), 2-1200-1200-1 (1.4 M weights).
mkdir -p "$work/models"
for s in 1 2; do
  run train --layers "$LAYERS" --epochs 1 --samples 100 --seed "$s" --out "$work/models/seed$s.json" >/dev/null \
    || { echo "could not train the seed $s network" >&2; exit 2; }
done

formats=(json npz keras weights-h5 h5)
ext_of() { case $1 in weights-h5) echo .weights.h5 ;; *) echo ".$1" ;; esac; }
# Starts the write of the newer version to $2 in the background, for format $1; the process id is in $writer.
start_write() {
  if [ "$1" = json ]; then
    java -jar "$JAR" train --layers "$LAYERS" --epochs 1 --samples 100 --seed 2 --out "$2" >/dev/null 2>&1 &
  else
    java -jar "$JAR" export --model "$work/models/seed2.json" --format "$1" --out "$2" >/dev/null 2>&1 &
  fi
  writer=$!
}
# What the playground's reader makes of a file: model JSON on standard output (import), or nothing if it refuses.
read_back() { run import --in "$1" --out "$2" >/dev/null 2>&1; }
# A corrupt file is kept for a look in target/kill-during-save-failures/.
keep() { mkdir -p target/kill-during-save-failures && cp "$1" "target/kill-during-save-failures/$2"; }
random_fraction() { echo "$(( RANDOM % 1000 ))"; }
sleep_ms() { sleep "$(awk -v ms="$1" 'BEGIN { printf "%.3f", ms / 1000 }')"; }

kills=0; old=0; new=0; corrupt=0; mid_write=0; temps_at_kill=0; temps_left=0; unreadable=0
printf '%-11s %5s %9s %11s %7s %9s %13s %10s\n' format kills "old intact" "new complete" corrupt mid-write \
  "temps at kill" "temps left"
for f in "${formats[@]}"; do
  ext=$(ext_of "$f")
  dir="$work/$f"
  mkdir -p "$dir" "$work/ref-$f"
  target="$dir/model$ext"
  # The older version, and the newer one written without a kill: what the reader makes of each, and how long the
  # run takes, and its write (from the temporary file's appearance to its rename).
  if [ "$f" = json ]; then cp "$work/models/seed1.json" "$work/ref-$f/old$ext"; else
    run export --model "$work/models/seed1.json" --format "$f" --out "$work/ref-$f/old$ext" >/dev/null; fi
  t0=$(now)
  start_write "$f" "$work/ref-$f/new$ext"
  until [ "$(temps "$work/ref-$f")" -gt 0 ] || ! kill -0 "$writer" 2>/dev/null; do sleep 0.005; done
  t1=$(now)
  until [ "$(temps "$work/ref-$f")" -eq 0 ] || ! kill -0 "$writer" 2>/dev/null; do sleep 0.005; done
  t2=$(now)
  wait "$writer" || { echo "the unkilled $f write failed" >&2; exit 2; }
  t3=$(now)
  total_ms=$(awk -v a="$t0" -v b="$t3" 'BEGIN { printf "%d", (b - a) * 1000 }')
  write_ms=$(awk -v a="$t1" -v b="$t2" 'BEGIN { printf "%d", (b - a) * 1000 }')
  read_back "$work/ref-$f/old$ext" "$work/ref-$f/old.read.json" || { echo "the old $f file is unreadable" >&2; exit 2; }
  read_back "$work/ref-$f/new$ext" "$work/ref-$f/new.read.json" || { echo "the new $f file is unreadable" >&2; exit 2; }
  cmp -s "$work/ref-$f/old.read.json" "$work/ref-$f/new.read.json" && { echo "old and new $f read the same" >&2; exit 2; }

  fk=0; fo=0; fn=0; fc=0; fm=0; ft=0; fl=0
  for ((k = 0; k < KILLS_PER_FORMAT; k++)); do
    cp "$work/ref-$f/old$ext" "$target"
    if (( k % 2 == 0 )); then
      delay=$(( total_ms * $(random_fraction) / 1000 ))
      start_write "$f" "$target"
      sleep_ms "$delay"
    else
      delay=$(( write_ms * $(random_fraction) / 1000 ))
      start_write "$f" "$target"
      until [ "$(temps "$dir")" -gt 0 ] || ! kill -0 "$writer" 2>/dev/null; do sleep 0.002; done
      sleep_ms "$delay"
    fi
    kill -KILL "$writer" 2>/dev/null
    wait "$writer" 2>/dev/null
    # Counted after the kill: a temporary file there then means the kill fell in the write.
    at_kill=$(temps "$dir")
    fk=$((fk + 1))
    (( at_kill > 0 )) && { fm=$((fm + 1)); ft=$((ft + at_kill)); }
    # The reader's check writes its model JSON into the same folder: the next write there, which cleans up.
    if read_back "$target" "$dir/check.json"; then
      if cmp -s "$dir/check.json" "$work/ref-$f/old.read.json"; then fo=$((fo + 1))
      elif cmp -s "$dir/check.json" "$work/ref-$f/new.read.json"; then fn=$((fn + 1))
      else fc=$((fc + 1)); keep "$target" "$f-$k$ext"; fi
    else
      fc=$((fc + 1)); unreadable=$((unreadable + 1)); keep "$target" "$f-$k$ext"
    fi
    rm -f "$dir/check.json"
    fl=$((fl + $(temps "$dir")))
  done
  printf '%-11s %5d %9d %11d %7d %9d %13d %10d   (run %d ms, write %d ms)\n' "$f" "$fk" "$fo" "$fn" "$fc" "$fm" \
    "$ft" "$fl" "$total_ms" "$write_ms"
  kills=$((kills + fk)); old=$((old + fo)); new=$((new + fn)); corrupt=$((corrupt + fc)); mid_write=$((mid_write + fm))
  temps_at_kill=$((temps_at_kill + ft)); temps_left=$((temps_left + fl))
done
printf '%-11s %5d %9d %11d %7d %9d %13d %10d\n' all "$kills" "$old" "$new" "$corrupt" "$mid_write" "$temps_at_kill" \
  "$temps_left"
echo "kills: $kills; old intact: $old; new complete: $new; corrupt: $corrupt (unreadable: $unreadable);" \
  "killed mid-write (a temporary file there): $mid_write; temporary files left after the next write: $temps_left"
[ "$corrupt" -eq 0 ] && [ "$temps_left" -eq 0 ] && [ $((old + new)) -eq "$kills" ]
