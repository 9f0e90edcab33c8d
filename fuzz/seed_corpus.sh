#!/bin/sh
# Seeds the fuzz corpora from the repository's own small inputs (seeds/*.txt and the bench
# fixtures). The corpora are git-ignored: run this once before fuzzing.
set -eu
cd "$(dirname "$0")"
mkdir -p corpus/html_bytes corpus/text corpus/options
for f in ../tests/fixtures/bench/*.html; do cp "$f" corpus/html_bytes/; done
for f in ../seeds/*.txt; do
    case "$f" in *.expected.txt) continue ;; esac
    cp "$f" corpus/text/
done
for f in corpus/html_bytes/* corpus/text/*; do cp "$f" "corpus/options/$(basename "$f")"; done
echo "seeded: $(ls corpus/html_bytes | wc -l) html, $(ls corpus/text | wc -l) text, $(ls corpus/options | wc -l) options"
