#!/usr/bin/env bash
# Runs every output of two builds of `shortlist` on the bundled examples, on two files at
# once and on a generated 100k-row export, and says whether they are byte-identical: stdout,
# stderr, exit code and every file written (workbooks compared part by part, without the
# creation time in docProps/core.xml).
#
#   scripts/same-outputs.sh OLD_BINARY NEW_BINARY
#   KEEP=1 scripts/same-outputs.sh OLD_BINARY NEW_BINARY    # keeps the outputs, says where
#
# For a change that must not change behaviour: build the commit before it, copy its binary,
# build the change, and compare the two.
set -euo pipefail
cd "$(dirname "$0")/.."
[ $# -eq 2 ] || { echo "usage: $0 OLD_BINARY NEW_BINARY" >&2; exit 2; }
OLD=$(realpath "$1")
NEW=$(realpath "$2")
ROOT=$(pwd)
WORK=$(mktemp -d)
trap '[ -n "${KEEP:-}" ] || rm -rf "$WORK"' EXIT

BIG=target/bench/google-forms-100000.csv
if [ ! -f "$BIG" ]; then
  cargo build --release --locked --quiet --example gen-export
  mkdir -p target/bench
  target/release/examples/gen-export 100000 "$BIG"
fi

JIGI=$ROOT/postings/jigi-district-officer.yaml
CARE=$ROOT/postings/care-an-ka-jiko-engagement-communautaire.yaml
EX=$ROOT/examples
# A posting and its candidate files, separated by `:`.
SETS=(
  "$JIGI:$EX/google-forms-district-officer.csv"
  "$JIGI:$EX/excel-district-officer.csv"
  "$CARE:$EX/kobotoolbox-engagement-communautaire.csv"
  "$CARE:$EX/kobotoolbox-engagement-communautaire.xlsx"
  "$CARE:$EX/kobotoolbox-engagement-communautaire.csv $EX/kobotoolbox-engagement-communautaire.xlsx"
  "$JIGI:$ROOT/$BIG"
)

# Runs one case with binary $1 in directory $2: case name $3, then the arguments.
case_run() {
  local bin=$1 dir=$2 name=$3
  shift 3
  mkdir -p "$dir/$name"
  (cd "$dir/$name" && NO_COLOR=1 "$bin" "$@" > stdout 2> stderr; echo $? > code) || true
}

run_all() {
  local bin=$1 dir=$2 i=0
  for set in "${SETS[@]}"; do
    i=$((i + 1))
    local posting=${set%%:*}
    # shellcheck disable=SC2206
    local files=(${set#*:})
    local c="set$i"
    case_run "$bin" "$dir" "$c-table" screen "$posting" "${files[@]}"
    case_run "$bin" "$dir" "$c-table-en" screen "$posting" "${files[@]}" --lang en --all
    case_run "$bin" "$dir" "$c-csv" screen "$posting" "${files[@]}" --format csv --all
    case_run "$bin" "$dir" "$c-excel" screen "$posting" "${files[@]}" --all --excel -o out.csv
    case_run "$bin" "$dir" "$c-json" screen "$posting" "${files[@]}" --format json --all
    case_run "$bin" "$dir" "$c-markdown" screen "$posting" "${files[@]}" --format markdown
    case_run "$bin" "$dir" "$c-xlsx" screen "$posting" "${files[@]}" -o out.xlsx
    case_run "$bin" "$dir" "$c-blind" screen "$posting" "${files[@]}" --blind --format csv --all
    case_run "$bin" "$dir" "$c-report-html" report "$posting" "${files[@]}" -o out.html
    case_run "$bin" "$dir" "$c-report-md" report "$posting" "${files[@]}" -o out.md --lang en
    case_run "$bin" "$dir" "$c-report-xlsx" report "$posting" "${files[@]}" -o out.xlsx
    for row in 2 5 17; do
      case_run "$bin" "$dir" "$c-explain-$row" explain "$posting" "${files[@]}" --row "$row"
    done
    case_run "$bin" "$dir" "$c-explain-en" explain "$posting" "${files[@]}" --row 3 --lang en
    local k=0
    for file in "${files[@]}"; do
      k=$((k + 1))
      case_run "$bin" "$dir" "$c-inspect-$k" inspect "$file"
    done
  done
  case_run "$bin" "$dir" validate validate "$JIGI" "$CARE"
  for posting in "$ROOT"/tests/fixtures/postings/*.yaml; do
    case_run "$bin" "$dir" "validate-$(basename "$posting" .yaml)" validate "$posting"
  done
  # Workbooks: each part, without the time they were made.
  find "$dir" -name '*.xlsx' | while read -r book; do
    mkdir -p "$book.parts"
    (cd "$book.parts" && unzip -qo "$book" && rm -f docProps/core.xml)
    rm "$book"
  done
}

[ -n "${KEEP:-}" ] && echo "outputs in $WORK"
run_all "$OLD" "$WORK/old"
run_all "$NEW" "$WORK/new"
cases=$(find "$WORK/old" -mindepth 1 -maxdepth 1 | wc -l)
if diff -r "$WORK/old" "$WORK/new" > "$WORK/diff.txt"; then
  echo "same: $cases cases, every output byte-identical"
else
  head -n 60 "$WORK/diff.txt"
  echo "DIFFERENT: see above ($cases cases)"
  exit 1
fi
