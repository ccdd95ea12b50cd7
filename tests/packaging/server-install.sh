#!/usr/bin/env bash
# The office server's .deb as an administrator meets it: installed with apt into a clean
# Debian 12 root (debootstrap), its account and data directory made, the server started the
# way its systemd unit starts it, used over HTTP by jianbao-cli --server (an export finds the
# packaged fonts), then purged — the program goes, the office's data stays.
#
# usage: tests/packaging/server-install.sh PACKAGE.deb JIANBAO-CLI
# Needs root (debootstrap, chroot, mount) and Debian's package mirror; a root made beforehand
# can be lent through JIANBAO_CLEAN_ROOT (see clean-root.sh).
set -euo pipefail

deb=$(realpath "$1")
cli=$(realpath "$2")
port=${JIANBAO_PACKAGE_TEST_PORT:-18470}
work=$(mktemp -d)
server_pid=
. "$(dirname "$0")/clean-root.sh"

# The server runs in a session of its own (setsid): runuser does not pass a signal on to the
# program it runs, so only the whole group can be stopped.
stop_server() {
  [ -n "$server_pid" ] || return 0
  kill -TERM -- "-$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
  server_pid=
}

cleanup() {
  stop_server
  release_clean_root
  rm -rf "$work"
}
trap cleanup EXIT
use_clean_root

step "apt installs the package and what it depends on"
cp "$deb" "$root/tmp/"
start=$SECONDS
apt_in_root "/tmp/$(basename "$deb")"
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
nothing_left_running || fail "a process is left running inside the root after the server was stopped"

step "purge: the program goes, the data stays"
apt_purge_in_root jianbao-server
for file in /usr/bin/jianbao-server /lib/systemd/system/jianbao-server.service /etc/default/jianbao-server \
            /etc/systemd/system/multi-user.target.wants/jianbao-server.service; do
  [ ! -e "$root$file" ] || fail "$file is left after purge"
done
[ -s "$root/var/lib/jianbao/office.sqlite3" ] || fail "purge deleted the office's database"

echo "服务器安装包测试通过（${SECONDS}s）"
