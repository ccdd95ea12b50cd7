#!/bin/sh
# Puts the bundled fonts of the five roles into this folder, from Debian packages.
# Idempotent: does nothing when every font file is present. Works on a bare Debian 12 machine
# (needs apt-get, dpkg-deb and python3; installs fontTools when it is missing).
#
#   assets/fonts/fetch-fonts.sh            # fetch what is missing
#   FORCE=1 assets/fonts/fetch-fonts.sh    # rebuild every file
#
# See README.md in this folder for where each font comes from and its licence.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
fonts="NotoSerifSC-Bold.otf FandolFang-Regular.otf NotoSansSC-Regular.otf FandolKai-Regular.otf NotoSerifSC-Regular.otf"

missing=""
for font in $fonts; do
    if [ "${FORCE:-0}" = 1 ] || [ ! -s "$here/$font" ]; then
        missing="$missing $font"
    fi
done
[ -z "$missing" ] && exit 0
echo "fetch-fonts: preparing$missing"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

noto_dir=/usr/share/fonts/opentype/noto
fandol_dir=/usr/share/texlive/texmf-dist/fonts/opentype/public/fandol

# Unpacks a Debian package without installing it (and without its dependencies).
unpack() {
    package=$1
    if [ ! -d "$work/$package" ]; then
        (cd "$work" && apt-get download "$package" >/dev/null 2>&1) || {
            echo "fetch-fonts: apt-get download $package failed; run 'apt-get update' first" >&2
            exit 1
        }
        dpkg-deb -x "$work/${package}"_*.deb "$work/$package"
    fi
}

noto_file() {
    if [ -s "$noto_dir/$1" ]; then
        echo "$noto_dir/$1"
    else
        unpack fonts-noto-cjk
        echo "$work/fonts-noto-cjk$noto_dir/$1"
    fi
}

fandol_file() {
    if [ -s "$fandol_dir/$1" ]; then
        echo "$fandol_dir/$1"
    else
        unpack texlive-lang-chinese
        echo "$work/texlive-lang-chinese$fandol_dir/$1"
    fi
}

ensure_fonttools() {
    python3 -c 'import fontTools' 2>/dev/null && return 0
    if python3 -m pip --version >/dev/null 2>&1; then
        python3 -m pip install --quiet fonttools
    else
        apt-get install -y --no-install-recommends python3-fonttools >/dev/null
    fi
}

# The characters of GBK, as GB 18030 maps its two-byte part, without the private-use areas,
# plus ASCII: what the bundled fonts must cover. Kept in step with `fonts::gbk_chars`.
gbk_unicodes() {
    python3 - <<'EOF'
chars = set(range(0x20, 0x7F))
for lead in range(0x81, 0xFF):
    for trail in range(0x40, 0xFF):
        if trail == 0x7F:
            continue
        try:
            char = ord(bytes([lead, trail]).decode("gb18030"))
        except UnicodeDecodeError:
            continue
        if not 0xE000 <= char <= 0xF8FF:
            chars.add(char)
print(",".join(f"U+{c:04X}" for c in sorted(chars)))
EOF
}

# Takes the Simplified Chinese face (index 2) out of a Noto CJK collection, keeping GBK.
noto_sc_face() {
    source=$1
    target=$2
    ensure_fonttools
    [ -s "$work/gbk.txt" ] || gbk_unicodes >"$work/gbk.txt"
    # No layout features: the layout maps characters through cmap only, so the glyphs that only
    # OpenType features reach (other regions' forms, vertical forms) would double the file.
    python3 -m fontTools.subset "$source" --font-number=2 --unicodes-file="$work/gbk.txt" \
        --layout-features='' --name-IDs='*' --name-languages='*' --notdef-outline \
        --output-file="$target.part"
    mv "$target.part" "$target"
}

for font in $missing; do
    # Assigned first so that a failed download stops the script (set -e).
    case $font in
        NotoSerifSC-Bold.otf) source=$(noto_file NotoSerifCJK-Bold.ttc) ;;
        NotoSansSC-Regular.otf) source=$(noto_file NotoSansCJK-Regular.ttc) ;;
        NotoSerifSC-Regular.otf) source=$(noto_file NotoSerifCJK-Regular.ttc) ;;
        Fandol*) source=$(fandol_file "$font") ;;
    esac
    case $font in
        Noto*) noto_sc_face "$source" "$here/$font" ;;
        Fandol*) cp "$source" "$here/$font" ;;
    esac
    echo "fetch-fonts: $font"
done
