#!/usr/bin/env bash
# Keeps both cores of a 2-core machine busy for N seconds (default 1800), as a developer's laptop
# doing other work would be: run `npm test` beside it to prove the suite holds no stopwatch.
#   scripts/busy-cores.sh 1800 & npm test; kill %1
set -euo pipefail
secs=${1:-1800}
for _ in $(seq "$(nproc)"); do timeout "$secs" bash -c 'while :; do :; done' & done
wait
