#!/usr/bin/env bash
# Renders the application icon, assets/icon/postwright.svg, into every icon file the app and its
# installers use:
#   installer/linux/icons/hicolor/<N>x<N>/apps/postwright.png   N = 16 22 24 32 48 64 128 256 512
#   installer/linux/Postwright.png                              256 px, jpackage --icon on Linux
#   installer/windows/Postwright.ico                            16 24 32 48 64 128 256
#   installer/macos/Postwright.icns                             16 32 128 256 512
#   src/main/resources/dev/postwright/ui/shell/icons/postwright-<N>.png
#                                                               N = 16 32 48 64 128 256, the Stage's icons
# The outputs are committed; run this by hand (from anywhere) when the SVG changes, and commit them
# with it. The output is deterministic: the same SVG and tools give the same bytes (no timestamps).
# Needs rsvg-convert (Debian: librsvg2-bin), ImageMagick's convert (imagemagick; called as
# /usr/bin/convert, or set CONVERT) and png2icns (icnsutils).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."

svg=assets/icon/postwright.svg
convert=${CONVERT:-/usr/bin/convert}
hicolor=installer/linux/icons/hicolor
stage=src/main/resources/dev/postwright/ui/shell/icons

for tool in rsvg-convert "$convert" png2icns; do
  command -v "$tool" >/dev/null || { echo "render.sh: $tool not found" >&2; exit 1; }
done

png() { echo "$hicolor/$1x$1/apps/postwright.png"; } # the hicolor PNG of a size

for n in 16 22 24 32 48 64 128 256 512; do
  mkdir -p "$(dirname "$(png "$n")")"
  rsvg-convert --width "$n" --height "$n" --format png "$svg" --output "$(png "$n")"
done

cp "$(png 256)" installer/linux/Postwright.png

mkdir -p "$stage"
for n in 16 32 48 64 128 256; do cp "$(png "$n")" "$stage/postwright-$n.png"; done

mkdir -p installer/windows
ico=()
for n in 16 24 32 48 64 128 256; do ico+=("$(png "$n")"); done
"$convert" "${ico[@]}" -define png:exclude-chunks=date,time installer/windows/Postwright.ico

mkdir -p installer/macos
icns=()
for n in 16 32 128 256 512; do icns+=("$(png "$n")"); done
rm -f installer/macos/Postwright.icns
png2icns installer/macos/Postwright.icns "${icns[@]}" >/dev/null

echo "render.sh: icons written from $svg"
