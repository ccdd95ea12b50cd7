#!/usr/bin/env bash
# Both packages' install tests in one clean Debian 12 root (made once: debootstrap is most of
# a minute): the office server's (server-install.sh), then the desktop app's
# (desktop-install.sh), which also installs the server package beside it.
#
# usage: tests/packaging/install-tests.sh SERVER.deb JIANBAO-CLI DESKTOP.deb
set -euo pipefail

here=$(dirname "$0")
. "$here/clean-root.sh"
trap remove_clean_root EXIT

step "a clean Debian 12 root for both packages"
make_clean_root
export JIANBAO_CLEAN_ROOT=$root
"$here/server-install.sh" "$1" "$2"
"$here/desktop-install.sh" "$3" "$1"
