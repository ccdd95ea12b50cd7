# Shared by the package install tests (sourced, not run): a clean Debian 12 root made with
# debootstrap, commands run inside it, and its removal. One root can serve several tests in a
# row: `clean-root.sh` makes it once and the tests borrow it through JIANBAO_CLEAN_ROOT.
#
# Needs root (debootstrap, chroot, mount) and Debian's package mirror.

mirror=${JIANBAO_DEBIAN_MIRROR:-http://deb.debian.org/debian}

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }
fail() { echo "失败：$*" >&2; exit 1; }
in_root() { chroot "$root" "$@"; }

# Installs packages (names or /tmp/….deb files inside the root) with apt, as a user's
# `apt install ./x.deb` does, without recommended extras; the log is shown only on failure.
apt_in_root() {
  local log
  log=$(mktemp)
  DEBIAN_FRONTEND=noninteractive in_root apt-get install -y -qq --no-install-recommends "$@" > "$log" 2>&1 \
    || { cat "$log"; rm -f "$log"; fail "apt-get install $*"; }
  rm -f "$log"
}

apt_purge_in_root() {
  local log
  log=$(mktemp)
  DEBIAN_FRONTEND=noninteractive in_root apt-get purge -y -qq "$@" > "$log" 2>&1 \
    || { cat "$log"; rm -f "$log"; fail "apt-get purge $*"; }
  rm -f "$log"
}

# Whether any process still runs inside the root.
running_in_root() {
  local proc
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$root" ] && return 0
  done
  return 1
}

# Waits up to five seconds for the last process inside the root to end.
nothing_left_running() {
  for _ in $(seq 50); do running_in_root || return 0; sleep 0.1; done
  return 1
}

# Makes a root in a new folder and sets `root` to it: Debian 12 minbase, /proc mounted, and
# services kept from starting (there is no init in a chroot; tests start what they need).
make_clean_root() {
  root=$(mktemp -d /var/tmp/jianbao-clean-root.XXXXXX)
  chmod 755 "$root"  # mktemp's 0700 would keep every account but root out of the whole root
  local log="$root.debootstrap.log"
  debootstrap --variant=minbase bookworm "$root" "$mirror" > "$log" 2>&1 \
    || { tail -20 "$log"; rm -f "$log"; fail "debootstrap"; }
  rm -f "$log"
  mount -t proc proc "$root/proc"
  printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
  chmod 755 "$root/usr/sbin/policy-rc.d"
  in_root apt-get update -qq
}

# Removes the root made by make_clean_root. Refuses when anything is still mounted inside it:
# deleting through a mount would delete the host's files.
remove_clean_root() {
  [ -n "${root:-}" ] && [ -d "$root" ] || return 0
  local mounted
  for mounted in $(awk -v r="$root" 'index($2, r "/") == 1 { print $2 }' /proc/self/mounts | sort -r); do
    umount "$mounted" 2>/dev/null || umount -l "$mounted" 2>/dev/null || true
  done
  if awk -v r="$root" 'index($2, r "/") == 1 { found = 1 } END { exit !found }' /proc/self/mounts; then
    echo "仍有文件系统挂载在 $root 内，未删除它" >&2
    return 1
  fi
  rm -rf "$root"
}

# Sets `root` to the root a caller lent (JIANBAO_CLEAN_ROOT), or makes one this test owns;
# `owns_root` says which, for the test's cleanup.
use_clean_root() {
  if [ -n "${JIANBAO_CLEAN_ROOT:-}" ]; then
    root=$JIANBAO_CLEAN_ROOT
    owns_root=false
  else
    step "a clean Debian 12 root"
    make_clean_root
    owns_root=true
  fi
}

release_clean_root() {
  if [ "${owns_root:-false}" = true ]; then remove_clean_root; fi
}
