#!/usr/bin/env bash
# The fourth generator's archives that issue #12 is measured on (docs/quality.md): the 12 with operations
# (x1 x2 x3 z1 z2 z3 z5 z6 z7 w1 w3 v2), n1-n3, the six without one (x4 z4 z8 w4 u4 n4), r1 (a botnet that is most
# of its archive), three with followerless newcomers (x1fl x4fl z4fl) and four more made so for the creation-cohort
# signal (x2fl z3fl z7fl v2fl: 30 % of honest accounts followed by nobody, beside pushes and fresh farms), f1-f4 (made
# after session 48's changes, unseen until then), r2 (r1's shape at another seed, made in session 51), and twelve with
# honest sign-ups up to the capture (--newcomers: the *nc archives, *ncfl with followerless accounts too), made in
# session 52 so that the operations' batches share their weeks with honest newcomers. Each line's arguments are those
# recorded where the archive was first made.
#
#   bench/fourth_generator_archives.sh OUT_DIR [NAME...]
#   bench/evaluate_archives.sh OUT_DIR RUN_DIR 42 && bench/score_archives.py OUT_DIR RUN_DIR
set -euo pipefail
out=${1:?usage: $0 OUT_DIR [NAME...]}
shift
gen="python3 $(dirname "$0")/independent_archive_4.py"
declare -A args=(
  [x1]="--seed 81 --accounts 10000 --languages 1 --homophily 0.9 --follows-median 60 --camouflage 0.4 --crowds all"
  [x2]="--seed 82 --accounts 14000 --languages 3 --homophily 0.65 --popularity-exponent 1.1 --lurkers 0.3 --op-scale 0.8 --days 21"
  [x3]="--seed 83 --accounts 8000 --languages 2 --reciprocity 0.35 --camouflage 0.7 --follows-median 90 --op-scale 1.2 --crowds sports,kpop,signup,giveaway"
  [x4]="--seed 84 --accounts 9000 --languages 3 --ops none --crowds all --homophily 0.9 --follows-median 50 --lurkers 0.25"
  [w1]="--seed 71 --accounts 11000 --languages 2 --homophily 0.85 --camouflage 0.6 --days 28 --popularity-exponent 1.3 --follows-median 50 --crowds sports,kpop,journalists,trains"
  [w3]="--seed 73 --accounts 13000 --languages 2 --camouflage 0.8 --op-scale 1.1 --days 30 --popularity-exponent 0.9 --homophily 0.95"
  [w4]="--seed 74 --accounts 10000 --languages 4 --ops none --crowds all --homophily 0.8 --follows-median 70 --camouflage 0.5"
  [v2]="--seed 62 --accounts 12000 --languages 4 --homophily 0.9 --reciprocity 0.4 --op-scale 1.2 --lurkers 0.3 --crowds signup,kpop,sports,journalists"
  [u4]="--seed 54 --accounts 8000 --languages 2 --ops none --crowds all --follows-median 120"
  [z1]="--seed 95 --accounts 10000 --languages 3 --homophily 0.85 --follows-median 90 --camouflage 0.6 --crowds all --reciprocity 0.3"
  [z2]="--seed 96 --accounts 12000 --languages 1 --homophily 0.75 --popularity-exponent 1.4 --lurkers 0.35 --op-scale 1.1 --days 30"
  [z3]="--seed 97 --accounts 8000 --languages 2 --homophily 0.95 --camouflage 0.3 --op-scale 0.7 --follows-median 45 --crowds sports,kpop,journalists,giveaway,signup"
  [z4]="--seed 98 --accounts 9000 --languages 3 --ops none --crowds all --homophily 0.7 --follows-median 100 --lurkers 0.2"
  [z5]="--seed 105 --accounts 9000 --languages 2 --homophily 0.8 --follows-median 70 --camouflage 0.5 --crowds all --reciprocity 0.25"
  [z6]="--seed 106 --accounts 11000 --languages 3 --homophily 0.9 --popularity-exponent 1.2 --lurkers 0.25 --op-scale 0.9 --days 21"
  [z7]="--seed 107 --accounts 10000 --languages 1 --homophily 0.7 --camouflage 0.7 --op-scale 1.2 --follows-median 110 --crowds sports,kpop,trains,giveaway"
  [z8]="--seed 108 --accounts 8000 --languages 2 --ops none --crowds all --homophily 0.85 --follows-median 80 --lurkers 0.3"
  [n1]="--seed 601 --accounts 9000 --languages 2 --homophily 0.85 --follows-median 70 --camouflage 0.5 --crowds all"
  [n2]="--seed 602 --accounts 11000 --languages 3 --homophily 0.7 --popularity-exponent 1.2 --lurkers 0.25 --op-scale 1.1 --days 28"
  [n3]="--seed 603 --accounts 8000 --languages 1 --homophily 0.9 --camouflage 0.7 --follows-median 100 --crowds sports,kpop,trains,signup"
  [n4]="--seed 604 --accounts 9000 --languages 2 --ops none --crowds all --homophily 0.8 --follows-median 90 --lurkers 0.3"
  [r1]="--seed 301 --accounts 15000 --ops botnet --op-scale 12 --crowds kpop,sports"
  [r2]="--seed 302 --accounts 15000 --ops botnet --op-scale 12 --crowds kpop,sports"
  [f1]="--seed 921 --accounts 9000 --languages 2 --homophily 0.85 --camouflage 0.6 --crowds all"
  [f2]="--seed 922 --accounts 9000 --languages 3 --homophily 0.8 --lurkers 0.3 --op-scale 1.1 --crowds sports,kpop,giveaway,signup --days 28"
  [f3]="--seed 923 --accounts 8000 --languages 1 --homophily 0.7 --follows-median 100 --camouflage 0.7 --crowds sports,kpop,trains,signup"
  [f4]="--seed 924 --accounts 8000 --languages 2 --ops none --crowds all --homophily 0.85 --follows-median 80 --followerless 0.3"
)
for base in x1 x4 z4 x2 z3 z7 v2; do
  args[${base}fl]="${args[$base]} --followerless 0.3"
done
for base in z1 z3 z7 x2 f3 n2 x4 w4; do
  args[${base}nc]="${args[$base]} --newcomers 0.04"
done
for base in z3 z7 x2 x4; do
  args[${base}ncfl]="${args[$base]} --followerless 0.3 --newcomers 0.04"
done
names=("$@")
if [ ${#names[@]} -eq 0 ]; then
  names=(x1 x2 x3 z1 z2 z3 z5 z6 z7 w1 w3 v2 n1 n2 n3 x4 z4 z8 w4 u4 n4 r1 x1fl x4fl z4fl x2fl z3fl z7fl v2fl f1 f2 f3 f4
    r2 z1nc z3nc z7nc x2nc f3nc n2nc x4nc w4nc z3ncfl z7ncfl x2ncfl x4ncfl)
fi
mkdir -p "$out"
for n in "${names[@]}"; do
  [ -n "${args[$n]:-}" ] || { echo "unknown archive: $n" >&2; exit 2; }
  # shellcheck disable=SC2086
  $gen --out "$out/$n" ${args[$n]}
done
