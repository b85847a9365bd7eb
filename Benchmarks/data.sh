#!/usr/bin/env bash
# Benchmark of imports and search at the scale of a province (PRODUCT.md section 11): imports
# 200,000 enterprises and 1,000,000 cases from CSV, then times searches of 1, 2, 3 and more
# characters, whole process each. Not a test: run it by hand on a quiet machine.
#
#   Benchmarks/data.sh [FOLDER] [ENTERPRISES] [CASES]
#
# Needs python3 (for generate.py) and GNU time (/usr/bin/time) for peak memory.
set -euo pipefail
cd "$(dirname "$0")/.."
folder="${1:-$(mktemp -d)}"
enterprises="${2:-200000}"
cases="${3:-1000000}"

swift build -c release --product relief >/dev/null
relief="$PWD/.build/release/relief"
python3 Benchmarks/generate.py "$folder" "$enterprises" "$cases"

export RELIEF_DB="$folder/bench.sqlite" RELIEF_OFFICER=bench
# The generated cases open over 2025 and 2026: "now" is the end of 2026.
export RELIEF_NOW=2026-12-31T23:00:00+08:00
rm -f "$RELIEF_DB" "$RELIEF_DB-wal" "$RELIEF_DB-shm"
"$relief" init >/dev/null

measure() {
  local label="$1"
  shift
  /usr/bin/time -f "$label: %e s, peak %M KB" "$@" >/dev/null
}

measure "import $enterprises enterprises" "$relief" import enterprises "$folder/enterprises.csv"
measure "import $cases cases" "$relief" import cases "$folder/cases.csv"
for words in 科 局 科技 有限 住房 星河科 深圳市星河 住房和建设局 有限公司 "星河 科技" "华粤 拖欠" acme; do
  measure "search '$words'" "$relief" search $words
done
measure "db check" "$relief" db check
ls -l "$RELIEF_DB"
