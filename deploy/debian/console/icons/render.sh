#!/usr/bin/env bash
# Renders the hicolor PNG sizes of the console icon from its SVG (needs rsvg-convert from
# librsvg2-bin). The PNGs are committed; run this after changing the SVG.
set -euo pipefail
cd "$(dirname "$0")"
for size in 48 128 256; do
    rsvg-convert --width "$size" --height "$size" --output "flowviz-console-$size.png" flowviz-console.svg
done
