#!/usr/bin/env bash
# Evaluates the fourth generator's archives (bench/fourth_generator_archives.sh) with this checkout's `lockstep` at
# one analysis seed, two archives at a time, keeping each run's accounts.csv and clusters.csv for
# bench/score_archives.py. Issue #12's per-archive figures in docs/quality.md are read this way.
#
#   bench/evaluate_archives.sh ARCHIVES_DIR RUN_DIR SEED [NAME...]
#
# RUN_DIR/NAME.md is `evaluate`'s report, RUN_DIR/w-NAME/{accounts,clusters}.csv its outputs. An archive whose report
# exists is skipped, so an interrupted run resumes. LOCKSTEP (default: ./lockstep beside this script's directory)
# names another build, e.g. a frozen copy to compare with.
set -euo pipefail
archives=${1:?usage: $0 ARCHIVES_DIR RUN_DIR SEED [NAME...]}
run=${2:?usage: $0 ARCHIVES_DIR RUN_DIR SEED [NAME...]}
seed=${3:?usage: $0 ARCHIVES_DIR RUN_DIR SEED [NAME...]}
shift 3
[[ "$seed" =~ ^-?[0-9]+$ ]] || { echo "SEED must be an integer, got '$seed'" >&2; exit 2; }
[ -d "$archives" ] || { echo "ARCHIVES_DIR '$archives' is not a directory" >&2; exit 2; }
lockstep=${LOCKSTEP:-$(cd "$(dirname "$0")/.." && pwd)/lockstep}
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  for d in "$archives"/*/; do
    [ -f "$d/truth.csv" ] && names+=("$(basename "$d")")
  done
fi
mkdir -p "$run"
one() {
  local n=$1
  [ -f "$run/$n.md" ] && return 0
  [ -f "$archives/$n/truth.csv" ] || { echo "no archive $archives/$n" >&2; return 1; }
  "$lockstep" evaluate --archive "$archives/$n" --analysis-seed "$seed" --work "$run/w-$n" --out "$run/$n.tmp.md" \
      > "$run/$n.log" 2>&1
  find "$run/w-$n" -mindepth 1 -maxdepth 1 ! -name accounts.csv ! -name clusters.csv -exec rm -rf {} +
  mv "$run/$n.tmp.md" "$run/$n.md"
}
# the first build records the class-data archive; do it once before two runs race for it
"$lockstep" --version > /dev/null
half=$(( (${#names[@]} + 1) / 2 ))
( for n in "${names[@]:0:$half}"; do one "$n" || echo "failed: $n (see $run/$n.log)" >&2; done ) &
( for n in "${names[@]:$half}"; do one "$n" || echo "failed: $n (see $run/$n.log)" >&2; done ) &
wait
echo "seed $seed: ${#names[@]} archives in $run ($(date -u +%T) UTC, load $(cut -d' ' -f1-3 /proc/loadavg))"
