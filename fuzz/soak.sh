#!/usr/bin/env bash
# Run the hypothesis fuzzers (tests/fuzz) again and again under the thorough
# profile, each round with a new seed, until MINUTES have passed; stop at the
# first failure. One line per round goes to the log (docs/limits.md, "Soak").
#
#   fuzz/soak.sh [MINUTES] [LOG]      defaults: 30, fuzz-soak.log
set -euo pipefail
minutes="${1:-30}"
log="${2:-fuzz-soak.log}"
python="${PYTHON:-python}"
end=$(( $(date +%s) + minutes * 60 ))
round=0
: >"$log"
echo "soak: $minutes min of HYPOTHESIS_PROFILE=thorough pytest tests/fuzz, from $(date -u +%FT%TZ), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')" | tee -a "$log"
while [ "$(date +%s)" -lt "$end" ]; do
    round=$((round + 1))
    seed=$(( (round * 7919 + $(date +%s)) % 1000000007 ))
    start=$(date +%s)
    if out=$(HYPOTHESIS_PROFILE=thorough "$python" -m pytest tests/fuzz -q -p no:cacheprovider \
            --hypothesis-seed="$seed" 2>&1); then
        echo "round $round seed $seed: $(tail -n 1 <<<"$out") ($(( $(date +%s) - start )) s)" | tee -a "$log"
    else
        echo "round $round seed $seed: FAILED" | tee -a "$log"
        echo "$out" >>"$log"
        exit 1
    fi
done
echo "soak: clean, $round rounds, ended $(date -u +%FT%TZ)" | tee -a "$log"
