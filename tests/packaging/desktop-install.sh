#!/usr/bin/env bash
# The desktop .deb as a user meets it: installed with apt into a clean Debian 12 root, its menu
# entry and files checked, the installed jianbao-cli making the demo database and exporting its
# PDF with the packaged fonts, the installed app started on a display, opening the demo issue
# and exporting its PDF through the save dialog, the office server's package installed beside it (no file of one is the other's),
# then both purged with nothing of theirs left.
#
# usage: tests/packaging/desktop-install.sh DESKTOP.deb [SERVER.deb]
# Needs root (debootstrap, chroot, mount), Debian's package mirror, Xvfb, xdotool,
# desktop-file-validate and ImageMagick on this machine; a root made beforehand can be lent through
# JIANBAO_CLEAN_ROOT (see clean-root.sh). Screenshots go to JIANBAO_PACKAGE_OUT.
set -euo pipefail

deb=$(realpath "$1")
server_deb=${2:+$(realpath "$2")}
out=$(realpath -m "${JIANBAO_PACKAGE_OUT:-target/packaging}")
work=$(mktemp -d)
user=bianji
app_pid=
xvfb_pid=
. "$(dirname "$0")/clean-root.sh"

# The app runs in a session of its own, so the app and the WebKit processes it starts stop
# together.
stop_app() {
  [ -n "$app_pid" ] || return 0
  kill -TERM -- "-$app_pid" 2>/dev/null || true
  wait "$app_pid" 2>/dev/null || true
  app_pid=
}

cleanup() {
  stop_app
  [ -z "$xvfb_pid" ] || kill "$xvfb_pid" 2>/dev/null || true
  release_clean_root
  rm -rf "$work"
}
trap cleanup EXIT
use_clean_root
mkdir -p "$out"

screenshot() { DISPLAY=$display import -window root "$1"; }

# Runs a command in the root as the desktop user, in their home, as a login would.
as_user() {
  in_root runuser -u "$user" -- env -i HOME="/home/$user" USER="$user" PATH=/usr/bin:/bin LANG=C.UTF-8 "$@"
}

step "apt installs the package and what it depends on"
cp "$deb" "$root/tmp/"
packages_before=$(in_root dpkg-query -W -f='.\n' | wc -l)
start=$SECONDS
apt_in_root "/tmp/$(basename "$deb")"
install_seconds=$((SECONDS - start))
packages_after=$(in_root dpkg-query -W -f='.\n' | wc -l)
package=$(dpkg-deb -f "$deb" Package)
in_root dpkg -L "$package" > "$work/files.txt"
printf '软件包 %s：%s KB；安装后 %s KB；apt 安装用时 %s 秒（连同 %s 个依赖包）\n' \
  "$(basename "$deb")" "$(du -k "$deb" | cut -f1)" "$(dpkg-deb -f "$deb" Installed-Size)" \
  "$install_seconds" "$((packages_after - packages_before - 1))"

step "what the package put in place"
depends=$(dpkg-deb -f "$deb" Depends)
for wanted in libwebkit2gtk-4.1-0 libgtk-3-0 fonts-noto-cjk; do
  [[ "$depends" == *"$wanted"* ]] || fail "Depends lacks $wanted: $depends"
done
for file in /usr/bin/jianbao /usr/bin/jianbao-cli /usr/share/applications/jianbao.desktop \
            /usr/lib/jianbao/fonts/LICENSE-Noto-OFL-1.1.txt /usr/lib/jianbao/fonts/LICENSE-Fandol-GPL-3.0.txt; do
  [ -e "$root$file" ] || fail "$file is missing"
done
for font in NotoSerifSC-Bold NotoSerifSC-Regular NotoSansSC-Regular FandolFang-Regular FandolKai-Regular; do
  [ -s "$root/usr/lib/jianbao/fonts/$font.otf" ] || fail "the bundled font $font.otf is missing"
done
[ ! -e "$root/usr/bin/jianbao-server" ] || fail "the desktop package ships the office server"
entry="$root/usr/share/applications/jianbao.desktop"
desktop-file-validate "$entry" || fail "the desktop entry is not valid"
for line in 'Name=简报台' 'Name[zh_CN]=简报台' 'Comment[zh_CN]=机关简报的编辑、校对、签发与排版导出' \
            'Exec=jianbao' 'Icon=jianbao' 'Categories=Office;'; do
  grep -qxF "$line" "$entry" || { cat "$entry"; fail "the desktop entry lacks $line"; }
done
icon=$(grep -E '^/usr/share/icons/hicolor/[0-9]+x[0-9]+/apps/jianbao\.png$' "$work/files.txt" | head -1)
[ -n "$icon" ] && [ -s "$root$icon" ] || fail "no icon under /usr/share/icons/hicolor"

step "the installed jianbao-cli: the demo database and its PDF"
in_root useradd --create-home --shell /bin/bash "$user"
as_user jianbao-cli demo > "$work/demo.txt" || { cat "$work/demo.txt"; fail "jianbao-cli demo"; }
grep -q '总第741期' "$work/demo.txt" || { cat "$work/demo.txt"; fail "the demo issue is not listed"; }
as_user jianbao-cli fonts > "$work/fonts.txt"
grep -q '/usr/lib/jianbao/fonts' "$work/fonts.txt" || { cat "$work/fonts.txt"; fail "the CLI does not use the packaged fonts"; }
as_user jianbao-cli export 1 -o "/home/$user/联络动态.pdf" > /dev/null || fail "jianbao-cli export"
pdf="$root/home/$user/联络动态.pdf"
pdffonts "$pdf" > "$work/pdffonts.txt"
grep -q 'FandolFang' "$work/pdffonts.txt" || { cat "$work/pdffonts.txt"; fail "the PDF lacks the packaged 仿宋"; }
pdftotext -enc UTF-8 "$pdf" - | tr -d '[:space:]' | grep -q '联络动态' || fail "the PDF lacks the masthead"
echo "PDF: $(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }') 页，$(du -k "$pdf" | cut -f1) KB"

step "the installed app on a display: the demo issue opened and exported"
# Xvfb here, the app inside the root: X clients reach the server through its abstract socket,
# which a chroot does not hide. A throwaway test display, so no access control.
# Xvfb picks a free display number itself and writes it out once it accepts clients.
Xvfb -displayfd 3 -screen 0 1440x900x24 -nolisten tcp -ac 3> "$work/display" > "$work/xvfb.log" 2>&1 &
xvfb_pid=$!
for _ in $(seq 100); do [ -s "$work/display" ] && break; sleep 0.1; done
[ -s "$work/display" ] || { cat "$work/xvfb.log"; fail "Xvfb did not start"; }
display=:$(head -1 "$work/display")
mount -t tmpfs -o mode=1777 tmpfs "$root/dev/shm"
start=$SECONDS
setsid chroot "$root" runuser -u "$user" -- env -i HOME="/home/$user" USER="$user" PATH=/usr/bin:/bin \
  LANG=C.UTF-8 DISPLAY="$display" jianbao > "$work/app.log" 2>&1 &
app_pid=$!
window=
for _ in $(seq 300); do
  window=$(DISPLAY=$display xdotool search --name '^简报台$' 2>/dev/null | head -1) || true
  [ -n "$window" ] && break
  kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; fail "the app stopped before its window appeared"; }
  sleep 0.1
done
[ -n "$window" ] || { cat "$work/app.log"; fail "no window titled 简报台 within 30 s"; }
echo "窗口 简报台 在 $((SECONDS - start)) 秒内出现"

# The issue list comes from the database after the page has loaded (正在连接… before): wait
# until the screen holds still and shows many colours (a table of text), not a near-blank page.
list_shot="$out/desktop-app-list.png"
colours=0
for _ in $(seq 60); do
  sleep 0.5
  screenshot "$work/last.png"
  [ -e "$list_shot" ] && [ "$(compare -metric AE "$list_shot" "$work/last.png" null: 2>&1 | awk '{ print int($1) }')" = 0 ] \
    && [ "$colours" -gt 600 ] && break
  mv "$work/last.png" "$list_shot"
  colours=$(identify -format %k "$list_shot")
done
[ "$colours" -gt 600 ] || { cat "$work/app.log"; fail "the window stayed blank ($colours colours): $list_shot"; }
echo "期刊列表：$list_shot（$colours 种颜色）"

# The demo issue is the only row; its 第13期 button sits at this place of the 1280×820 window.
DISPLAY=$display xdotool mousemove --window "$window" 215 265 click 1
issue_shot="$out/desktop-app-issue.png"
changed=0
for _ in $(seq 60); do
  sleep 0.5
  screenshot "$issue_shot"
  changed=$(compare -metric AE "$list_shot" "$issue_shot" null: 2>&1 | awk '{ print int($1) }' || true)
  [ "$changed" -gt 200000 ] && break
done
[ "$changed" -gt 200000 ] || fail "clicking the demo issue did not open it ($changed pixels changed): $issue_shot"
echo "打开示例期刊：$issue_shot"

# 导出 PDF by its shortcut, and the save dialog answered as a user types a path into it. Keys
# go through XTEST to the window under the pointer (there is no window manager to focus one):
# WebKit ignores keys sent to a window as synthetic events.
DISPLAY=$display xdotool key ctrl+shift+e
dialog=
for _ in $(seq 100); do
  dialog=$(DISPLAY=$display xdotool search --name '^导出 PDF$' 2>/dev/null | head -1) || true
  [ -n "$dialog" ] && break
  sleep 0.1
done
[ -n "$dialog" ] || { screenshot "$out/desktop-app-no-dialog.png"; fail "Ctrl+Shift+E did not open the save dialog"; }
DISPLAY=$display xdotool key ctrl+a
DISPLAY=$display xdotool type --delay 20 "/home/$user/app-export.pdf"
DISPLAY=$display xdotool key Return
app_pdf="$root/home/$user/app-export.pdf"
for _ in $(seq 100); do [ -s "$app_pdf" ] && break; sleep 0.1; done
[ -s "$app_pdf" ] || { screenshot "$out/desktop-app-no-pdf.png"; fail "the app did not write the PDF"; }
pdffonts "$app_pdf" | grep -q 'FandolFang' || fail "the app's PDF lacks the packaged 仿宋"
echo "应用导出的 PDF：$(pdfinfo "$app_pdf" | awk '/^Pages:/ { print $2 }') 页"
sleep 1  # the 已导出 notice
screenshot "$out/desktop-app-exported.png"
kill -0 "$app_pid" 2>/dev/null || { cat "$work/app.log"; fail "the app stopped"; }
stop_app
nothing_left_running || fail "a process is left running inside the root after the app was stopped"
umount "$root/dev/shm"

if [ -n "$server_deb" ]; then
  step "the office server's package beside it"
  cp "$server_deb" "$root/tmp/"
  apt_in_root "/tmp/$(basename "$server_deb")"
  as_user jianbao-cli issue list | grep -q '总第741期' || fail "jianbao-cli beside the server package"
  apt_purge_in_root "$(dpkg-deb -f "$server_deb" Package)"
fi

step "purge: nothing of the package is left"
apt_purge_in_root "$package"
while read -r path; do
  [ -d "$root$path" ] && continue  # shared folders such as /usr/bin stay
  [ ! -e "$root$path" ] || fail "$path is left after purge"
done < "$work/files.txt"
[ ! -e "$root/usr/lib/jianbao" ] || fail "/usr/lib/jianbao is left after purge"
[ -s "$root/home/$user/.local/share/cn.jianbao.desktop/jianbao.sqlite3" ] || fail "purge deleted the user's database"

echo "桌面安装包测试通过（${SECONDS}s）"
