#!/usr/bin/env bash
# Installs the system libraries Qt and QtWebEngine load at run time (Debian and Ubuntu),
# plus what the test suite needs with "test": Xvfb for the real-window tests, exiftool as
# the independent reader of the picture metadata Copydesk writes, the validators of the
# desktop entry and AppStream metadata Copydesk installs, and the PostgreSQL server
# (Debian's postgresql metapackage) the newsroom tests start themselves.
# Does nothing when everything is present or on systems without apt. Needs root or sudo to
# install; otherwise prints the command to run and carries on.
set -euo pipefail

runtime=(
  libenchant-2-2 hunspell-fr hunspell-en-us hunspell-en-gb
  libasound2 libdbus-1-3 libegl1 libfontconfig1 libgbm1 libgl1 libglib2.0-0 libnss3
  libx11-xcb1 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-randr0
  libxcb-render-util0 libxcb-shape0 libxcb-xinerama0 libxcb-xkb1 libxcomposite1 libxdamage1
  libxkbcommon-x11-0 libxkbcommon0 libxkbfile1 libxrandr2 libxtst6 fonts-dejavu-core
)
test_only=(xvfb libimage-exiftool-perl postgresql desktop-file-utils appstream)

packages=("${runtime[@]}")
[ "${1:-}" = "test" ] && packages+=("${test_only[@]}")

command -v dpkg-query >/dev/null 2>&1 && command -v apt-get >/dev/null 2>&1 || exit 0

missing=()
for package in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" \
    || missing+=("$package")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -eq 0 ]; then
  sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  sudo=(sudo -n)
else
  echo "Copydesk needs these system packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get install ${missing[*]}" >&2
  exit 0
fi

# Package names move between releases (libasound2 became libasound2t64): keep the known ones.
known() {
  local found=()
  for package in "$@"; do
    apt-cache show "$package" >/dev/null 2>&1 && found+=("$package")
  done
  echo "${found[@]:-}"
}

echo "Installing system packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
read -r -a installable <<< "$(known "${missing[@]}")"
if [ ${#installable[@]} -lt ${#missing[@]} ]; then
  "${sudo[@]}" apt-get update -q
  read -r -a installable <<< "$(known "${missing[@]}")"
fi
[ ${#installable[@]} -eq 0 ] && exit 0
"${sudo[@]}" apt-get install -y -q --no-install-recommends "${installable[@]}" \
  || { "${sudo[@]}" apt-get update -q \
       && "${sudo[@]}" apt-get install -y -q --no-install-recommends "${installable[@]}"; }
