#!/usr/bin/env bash
# The office server's .deb as an administrator meets it: installed with apt into a clean
# Debian 12 root (debootstrap), its account and data directory made, the server started the
# way its systemd unit starts it, used over HTTP by jianbao-cli --server (an export finds the
# packaged fonts), then purged — the program goes, the office's data stays.
#
# usage: tests/packaging/server-install.sh PACKAGE.deb JIANBAO-CLI
# Needs root (debootstrap, chroot, mount) and Debian's package mirror.
set -euo pipefail

deb=$(realpath "$1")
cli=$(realpath "$2")
mirror=${JIANBAO_DEBIAN_MIRROR:-http://deb.debian.org/debian}
port=${JIANBAO_PACKAGE_TEST_PORT:-18470}
root=$(mktemp -d /var/tmp/jianbao-server-root.XXXXXX)
chmod 755 "$root"  # mktemp's 0700 would keep every account but root out of the whole root
work=$(mktemp -d)
server_pid=

step() { printf '\n== %s (%ss)\n' "$1" "$SECONDS"; }
fail() { echo "失败：$*" >&2; exit 1; }
in_root() { chroot "$root" "$@"; }

# The server runs in a session of its own (setsid): runuser does not pass a signal on to the
# program it runs, so only the whole group can be stopped.
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM -- "-$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

# Whether any process still runs inside the root.
running_in_root() {
  local proc
  for proc in /proc/[0-9]*; do
    [ "$(readlink "$proc/root" 2>/dev/null)" = "$root" ] && return 0
  done
  return 1
}

cleanup() {
  stop_server
  umount "$root/proc" 2>/dev/null || true
  rm -rf "$root" "$work"
}
trap cleanup EXIT

step "a clean Debian 12 root"
debootstrap --variant=minbase bookworm "$root" "$mirror" > "$work/debootstrap.log" 2>&1 \
  || { tail -20 "$work/debootstrap.log"; fail "debootstrap"; }
mount -t proc proc "$root/proc"
# Services are not started inside a chroot (there is no init); the unit is started by hand below.
printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"
chmod 755 "$root/usr/sbin/policy-rc.d"

step "apt installs the package and what it depends on"
cp "$deb" "$root/tmp/"
start=$SECONDS
in_root apt-get update -qq
DEBIAN_FRONTEND=noninteractive in_root apt-get install -y -qq --no-install-recommends "/tmp/$(basename "$deb")" \
  > "$work/install.log" 2>&1 || { cat "$work/install.log"; fail "apt-get install"; }
echo "installed in $((SECONDS - start)) s; package $(du -k "$deb" | cut -f1) KB"

step "what the package put in place"
in_root getent passwd jianbao > /dev/null || fail "the account jianbao was not made"
[ "$(in_root stat -c %U /var/lib/jianbao)" = jianbao ] || fail "/var/lib/jianbao is not owned by jianbao"
for file in /usr/bin/jianbao-server /lib/systemd/system/jianbao-server.service /etc/default/jianbao-server \
            /usr/share/jianbao-server/fonts/FandolFang-Regular.otf; do
  [ -e "$root$file" ] || fail "$file is missing"
done
grep -qx 'JIANBAO_SERVER_ARGS="--listen 127.0.0.1:8470"' "$root/etc/default/jianbao-server" \
  || fail "the default settings do not listen on loopback"
in_root test -L /etc/systemd/system/multi-user.target.wants/jianbao-server.service \
  || fail "the unit is not enabled"
grep -qx 'User=jianbao' "$root/lib/systemd/system/jianbao-server.service" || fail "the unit does not run as jianbao"

step "the administrator's first steps"
printf 'tang-password\ntang-password\n' \
  | in_root runuser -u jianbao -- jianbao-server --db /var/lib/jianbao/office.sqlite3 user add 汤建 --role editor,admin
sed -i "s/127.0.0.1:8470/127.0.0.1:$port/" "$root/etc/default/jianbao-server"

step "the server started as its unit starts it"
unit="$root/lib/systemd/system/jianbao-server.service"
exec_start=$(sed -n 's/^ExecStart=//p' "$unit")
font_env=$(sed -n 's/^Environment=//p' "$unit")
# systemd reads the EnvironmentFile and expands $JIANBAO_SERVER_ARGS into words; so does this.
setsid chroot "$root" runuser -u jianbao -- env -i $font_env bash -c \
  "set -a; . /etc/default/jianbao-server; cd /var/lib/jianbao; exec $exec_start" > "$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 100); do
  curl -fs "http://127.0.0.1:$port/" > /dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log"; fail "the server stopped"; }
  sleep 0.1
done

step "a client of the installed server"
export JIANBAO_PASSWORD=tang-password
office=(--server "http://127.0.0.1:$port" --user 汤建)
"$cli" "${office[@]}" issue new --date 2026-03-02 > "$work/new.txt" || fail "issue new over the server"
issue=$("$cli" "${office[@]}" issue list | awk '$1 ~ /^[0-9]+$/ { print $1; exit }')
[ -n "$issue" ] || { "$cli" "${office[@]}" issue list; fail "the new issue is not listed"; }
"$cli" "${office[@]}" export "$issue" -o "$work/issue.pdf" > /dev/null || fail "export over the server"
pdffonts "$work/issue.pdf" | grep -Eq 'Fandol|Noto' || fail "the exported PDF does not use the packaged fonts"
[ "$(in_root stat -c %U /var/lib/jianbao/office.sqlite3)" = jianbao ] || fail "the database is not owned by jianbao"
stop_server
for _ in $(seq 50); do running_in_root || break; sleep 0.1; done
! running_in_root || fail "a process is left running inside the root after the server was stopped"

step "purge: the program goes, the data stays"
DEBIAN_FRONTEND=noninteractive in_root apt-get purge -y -qq jianbao-server > "$work/purge.log" 2>&1 \
  || { cat "$work/purge.log"; fail "apt-get purge"; }
for file in /usr/bin/jianbao-server /lib/systemd/system/jianbao-server.service /etc/default/jianbao-server \
            /etc/systemd/system/multi-user.target.wants/jianbao-server.service; do
  [ ! -e "$root$file" ] || fail "$file is left after purge"
done
[ -s "$root/var/lib/jianbao/office.sqlite3" ] || fail "purge deleted the office's database"

echo "服务器安装包测试通过（${SECONDS}s）"
