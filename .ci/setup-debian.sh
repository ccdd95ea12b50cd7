#!/usr/bin/env bash
# Installs what building, running and testing Jianbao needs on Debian 12, and nothing that is
# already there. Safe to run again; never prompts.
set -euo pipefail
cd "$(dirname "$0")/.."

# Tauri 2's webkit2gtk 4.1 build, poppler for the PDF checks, Xvfb + WebKitWebDriver for the
# end-to-end tests, Chromium + chromedriver for the office server's browser test, Noto CJK for
# the UI's own text, and PostgreSQL for the office store's tests (each run starts a throwaway
# cluster of its own; the package's server is not used), debootstrap for the clean root the
# packages are installed into, for the desktop package's test xdotool (finding and using its
# window), ImageMagick (screenshots of it) and desktop-file-validate (its menu entry),
# Ghostscript and qpdf for the PDF/X-1a checks, and LibreOffice Writer, which the Word
# export's tests convert .docx files to PDF with (headless, as a second reader besides Word
# and WPS).
packages=(
  build-essential pkg-config curl wget file
  libwebkit2gtk-4.1-dev libxdo-dev libssl-dev libayatana-appindicator3-dev librsvg2-dev
  poppler-utils xvfb xauth webkit2gtk-driver fonts-noto-cjk chromium chromium-driver
  python3 postgresql debootstrap xdotool imagemagick desktop-file-utils
  ghostscript qpdf libreoffice-writer
)

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]})); then
  echo "安装系统依赖：${missing[*]}"
  sudo_cmd=()
  if [ "$(id -u)" -ne 0 ]; then sudo_cmd=(sudo); fi
  "${sudo_cmd[@]}" apt-get update -qq
  # The tests start clusters of their own: the package is not to create and start a server.
  if [[ " ${missing[*]} " == *" postgresql "* ]]; then
    "${sudo_cmd[@]}" mkdir -p /etc/postgresql-common/createcluster.d
    echo "create_main_cluster = false" | "${sudo_cmd[@]}" tee /etc/postgresql-common/createcluster.d/no-main-cluster.conf >/dev/null
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "需要 Node.js 20 及以上和 npm，请先安装。" >&2
  exit 1
fi

# tauri-driver bridges WebDriver clients to WebKitWebDriver for the end-to-end tests.
if ! command -v tauri-driver >/dev/null && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/tauri-driver" ]; then
  echo "安装 tauri-driver"
  cargo install tauri-driver --locked --quiet
fi

# cargo-deb makes the office server's .deb (`make package-server`, and its install test).
if ! command -v cargo-deb >/dev/null && [ ! -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo-deb" ]; then
  echo "安装 cargo-deb"
  cargo install cargo-deb --version 3.8.0 --locked --quiet
fi

# The bundled fonts are built from Debian packages; `apt-get download` needs package lists.
if ! assets/fonts/fetch-fonts.sh; then
  echo "更新软件包列表后重试字体准备"
  apt-get update -qq
  assets/fonts/fetch-fonts.sh
fi
