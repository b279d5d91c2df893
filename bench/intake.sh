#!/usr/bin/env bash
# Times `shortlist intake` on generated recruitment mailboxes (`bench/gen_mailbox.rs`: each
# application with three PDFs of about 60 KB, a text layer each) and prints a Markdown
# table: medians of the runs, messages/s, MB/s and peak RSS.
#
#   bench/intake.sh                          # 1,000 applications, 3 runs
#   SIZES="1000 10000" RUNS=5 bench/intake.sh
set -euo pipefail
cd "$(dirname "$0")/.."
SIZES=${SIZES:-"1000"}
RUNS=${RUNS:-3}
DIR=target/bench
mkdir -p "$DIR"
cargo build --release --locked --quiet --bin shortlist --example gen-mailbox
BIN=${BIN:-target/release/shortlist}

median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

echo "| applications | mailbox MB | attachments MB | intake (s) | applications/s | MB/s | RSS (MB) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for n in $SIZES; do
  box="$DIR/mailbox-$n.mbox"
  [ -f "$box" ] || target/release/examples/gen-mailbox "$n" "$box"
  mb=$(awk -v b="$(stat -c %s "$box")" 'BEGIN { printf "%.1f", b / 1e6 }')
  : > "$DIR/intake.txt"
  for _ in $(seq "$RUNS"); do
    rm -rf "$DIR/intake-$n.csv" "$DIR/intake-$n.rejects.csv" "$DIR/intake-$n-attachments"
    /usr/bin/time -f "%e %M" -o "$DIR/time.txt" "$BIN" intake "$box" \
      --to recrutement.jigi@gmail.com -o "$DIR/intake-$n.csv" --lang en -q
    cat "$DIR/time.txt" >> "$DIR/intake.txt"
  done
  saved=$(du -sm "$DIR/intake-$n-attachments" | cut -f1)
  t=$(cut -d' ' -f1 "$DIR/intake.txt" | median)
  rss=$(cut -d' ' -f2 "$DIR/intake.txt" | median)
  awk -v n="$n" -v mb="$mb" -v saved="$saved" -v t="$t" -v rss="$rss" 'BEGIN {
    tt = (t > 0) ? t : 0.005;
    printf "| %d | %s | %s | %.2f | %.0f | %.1f | %.0f |\n", n, mb, saved, t, n / tt, mb / tt, rss / 1024
  }'
done
