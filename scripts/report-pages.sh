#!/usr/bin/env bash
# Prints the committee's report of the bundled Google Forms export to PDF with headless
# Chromium, and draws its first page and the first page of its screening matrix as the PNG
# files the README shows (docs/report-page-1.png, docs/report-matrix.png). Needs chromium
# and poppler-utils.
#
#   scripts/report-pages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
cargo build --release --locked --quiet --bin shortlist
SOURCE_DATE_EPOCH=1796558400 target/release/shortlist report \
  postings/jigi-district-officer.yaml examples/google-forms-district-officer.csv \
  --audit-by Sexe -o "$WORK/rapport.html" --quiet
chromium --headless --no-sandbox --disable-gpu --no-pdf-header-footer \
  --user-data-dir="$WORK/profile" --print-to-pdf="$WORK/rapport.pdf" \
  "file://$WORK/rapport.html" 2>/dev/null
pdftoppm -f 1 -l 1 -r 80 -png -singlefile "$WORK/rapport.pdf" docs/report-page-1
# The matrix starts on the page after the one where its heading stands, when the heading
# ends a page; the page that shows its first rows is the one drawn.
page=$(pdftotext "$WORK/rapport.pdf" - | awk 'BEGIN { RS = "\f" } !found && /Éligibles en réserve/ { print NR; found = 1 }')
pdftoppm -f "$page" -l "$page" -r 80 -png -singlefile "$WORK/rapport.pdf" docs/report-matrix
echo "docs/report-page-1.png, docs/report-matrix.png (page $page)"
