#!/usr/bin/env bash
# Times `shortlist screen` against the parse floor (the csv crate reading the same file) on
# generated Google Forms exports, and prints a Markdown table: medians of paired runs, the
# ratio, rows/s, MB/s and peak RSS (MiB: KiB from `/usr/bin/time` divided by 1024).
#
#   bench/run.sh                      # 10k, 100k and 1M rows, 5 runs each
#   SIZES="10000 100000 1000000 5000000" RUNS=3 bench/run.sh
#   BIN=/path/to/another/shortlist bench/run.sh   # another build, against the same floor
#
# The JSON output of every candidate (about 3.5 KB each) is timed up to JSON_UP_TO rows
# (default 1M): at 5M rows it would write 17 GB.
#
# Then every output against the floor (OUTPUT_SIZES, below).
#
# Then the same exports copied into `.xlsx` workbooks (every cell a string), for the sizes in
# XLSX_SIZES (default 100k and 1M rows; at most Excel's 1,048,575 candidates): screening time
# and peak RSS against the CSV file's. XLSX_SIZES="" leaves them out.
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES-"10000 100000 1000000"}
RUNS=${RUNS:-5}
JSON_UP_TO=${JSON_UP_TO:-1000000}
XLSX_SIZES=${XLSX_SIZES-"100000 1000000"}
POSTING=postings/jigi-district-officer.yaml
DIR=target/bench
mkdir -p "$DIR"
cargo build --release --locked --quiet --bin shortlist --examples
BIN=${BIN:-target/release/shortlist}
FLOOR=target/release/examples/parse-floor
COPY=target/release/examples/copy-floor

# One run: prints "seconds peak_kb".
measure() {
  /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$@" > /dev/null 2> /dev/null
  cat "$DIR/time.txt"
}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "| rows | MB | floor (s) | table (s) | ratio | json --all (s) | ratio | rows/s (table) | MB/s (table) | RSS table (MiB) | RSS json (MiB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
  file="$DIR/google-forms-$n.csv"
  [ -f "$file" ] || target/release/examples/gen-export "$n" "$file"
  mb=$(awk -v b="$(stat -c %s "$file")" 'BEGIN { printf "%.1f", b / 1e6 }')
  : > "$DIR/floor.txt"; : > "$DIR/table.txt"; : > "$DIR/json.txt"
  for _ in $(seq "$RUNS"); do
    measure "$FLOOR" "$file" >> "$DIR/floor.txt"
    measure "$BIN" screen "$POSTING" "$file" >> "$DIR/table.txt"
    if [ "$n" -le "$JSON_UP_TO" ]; then
      measure "$BIN" screen "$POSTING" "$file" --format json --all -o "$DIR/out.json" >> "$DIR/json.txt"
    fi
  done
  floor=$(cut -d' ' -f1 "$DIR/floor.txt" | median)
  table=$(cut -d' ' -f1 "$DIR/table.txt" | median)
  json=nan
  [ -s "$DIR/json.txt" ] && json=$(cut -d' ' -f1 "$DIR/json.txt" | median)
  rss_table=$(cut -d' ' -f2 "$DIR/table.txt" | median)
  rss_json=0
  [ -s "$DIR/json.txt" ] && rss_json=$(cut -d' ' -f2 "$DIR/json.txt" | median)
  awk -v n="$n" -v mb="$mb" -v f="$floor" -v t="$table" -v j="$json" -v rt="$rss_table" -v rj="$rss_json" 'BEGIN {
    ft = (f > 0) ? f : 0.005; tt = (t > 0) ? t : 0.005;
    if (j == "nan") {
      printf "| %d | %s | %.2f | %.2f | %.1f× | – | – | %.0f | %.1f | %.0f | – |\n",
        n, mb, f, t, t / ft, n / tt, mb / tt, rt / 1024
    } else {
      printf "| %d | %s | %.2f | %.2f | %.1f× | %.2f | %.1f× | %.0f | %.1f | %.0f | %.0f |\n",
        n, mb, f, t, t / ft, j, j / ft, n / tt, mb / tt, rt / 1024, rj / 1024
    } }'
  rm -f "$DIR/out.json"
done

# Every output against the floor, in the same runs: for each size in OUTPUT_SIZES (default
# 100k and 1M), the table, CSV of every candidate (plain and --excel) with the copy floor of
# that CSV, and JSON (written to a file, and to /dev/null to tell making lines from writing
# them); xlsx of every candidate and the HTML report on the sizes up to OUTPUT_BIG_UP_TO
# (default 100k).
OUTPUT_SIZES=${OUTPUT_SIZES-"100000 1000000"}
OUTPUT_BIG_UP_TO=${OUTPUT_BIG_UP_TO:-100000}
if [ -n "$OUTPUT_SIZES" ]; then
  echo
  echo "| rows | output | written MB | time (s) | vs floor | RSS (MiB) |"
  echo "|---:|---|---:|---:|---:|---:|"
  for n in $OUTPUT_SIZES; do
    file="$DIR/google-forms-$n.csv"
    [ -f "$file" ] || target/release/examples/gen-export "$n" "$file"
    # "copy" is the copy floor: the csv crate reading the CSV just written and writing it
    # again, what writing those bytes as CSV costs before any line is made.
    outputs="table csv copy excel json json-null"
    [ "$n" -le "$OUTPUT_BIG_UP_TO" ] && outputs="$outputs xlsx report"
    : > "$DIR/floor.txt"
    for o in $outputs; do : > "$DIR/out-$o.txt"; done
    for _ in $(seq "$RUNS"); do
      measure "$FLOOR" "$file" >> "$DIR/floor.txt"
      for o in $outputs; do
        case $o in
          table) args=() ;;
          csv) args=(--all -o "$DIR/out.csv") ;;
          excel) args=(--all --format csv --excel -o "$DIR/out-excel.csv") ;;
          json) args=(--all --format json -o "$DIR/out.json") ;;
          json-null) args=(--all --format json -o /dev/null) ;;
          xlsx) args=(--all -o "$DIR/out.xlsx") ;;
        esac
        if [ "$o" = report ]; then
          measure "$BIN" report "$POSTING" "$file" -o "$DIR/out.html" >> "$DIR/out-$o.txt"
        elif [ "$o" = copy ]; then
          measure "$COPY" "$DIR/out.csv" "$DIR/out-copy.csv" >> "$DIR/out-$o.txt"
        else
          measure "$BIN" screen "$POSTING" "$file" "${args[@]}" >> "$DIR/out-$o.txt"
        fi
      done
    done
    floor=$(cut -d' ' -f1 "$DIR/floor.txt" | median)
    echo "| $n | parse floor | – | $floor | 1.0× | – |"
    for o in $outputs; do
      case $o in
        csv) written="$DIR/out.csv" ;; copy) written="$DIR/out-copy.csv" ;;
        excel) written="$DIR/out-excel.csv" ;;
        json) written="$DIR/out.json" ;; xlsx) written="$DIR/out.xlsx" ;;
        report) written="$DIR/out.html" ;; *) written= ;;
      esac
      mb="–"
      [ -n "$written" ] && [ -f "$written" ] && mb=$(awk -v b="$(stat -c %s "$written")" 'BEGIN { printf "%.0f", b / 1e6 }')
      t=$(cut -d' ' -f1 "$DIR/out-$o.txt" | median)
      rss=$(cut -d' ' -f2 "$DIR/out-$o.txt" | median)
      awk -v n="$n" -v o="$o" -v mb="$mb" -v t="$t" -v f="$floor" -v r="$rss" 'BEGIN {
        ff = (f > 0) ? f : 0.005;
        printf "| %d | %s | %s | %.2f | %.1f× | %.0f |\n", n, o, mb, t, t / ff, r / 1024 }'
    done
    rm -f "$DIR/out.csv" "$DIR/out-copy.csv" "$DIR/out-excel.csv" "$DIR/out.json" "$DIR/out.xlsx" "$DIR/out.html"
  done
fi

[ -n "$XLSX_SIZES" ] || exit 0
echo
echo "| rows | xlsx MB | screen xlsx (s) | vs CSV table | RSS xlsx (MiB) |"
echo "|---:|---:|---:|---:|---:|"
for n in $XLSX_SIZES; do
  file="$DIR/google-forms-$n.csv"
  [ -f "$file" ] || target/release/examples/gen-export "$n" "$file"
  book="$DIR/google-forms-$n.xlsx"
  [ -f "$book" ] || target/release/examples/to-xlsx "$file" "$book"
  mb=$(awk -v b="$(stat -c %s "$book")" 'BEGIN { printf "%.1f", b / 1e6 }')
  : > "$DIR/table.txt"; : > "$DIR/xlsx.txt"
  for _ in $(seq "$RUNS"); do
    measure "$BIN" screen "$POSTING" "$file" >> "$DIR/table.txt"
    measure "$BIN" screen "$POSTING" "$book" >> "$DIR/xlsx.txt"
  done
  table=$(cut -d' ' -f1 "$DIR/table.txt" | median)
  xlsx=$(cut -d' ' -f1 "$DIR/xlsx.txt" | median)
  rss=$(cut -d' ' -f2 "$DIR/xlsx.txt" | median)
  awk -v n="$n" -v mb="$mb" -v t="$table" -v x="$xlsx" -v r="$rss" 'BEGIN {
    tt = (t > 0) ? t : 0.005;
    printf "| %d | %s | %.2f | %.1f× | %.0f |\n", n, mb, x, x / tt, r / 1024 }'
done
