#!/usr/bin/env bash
# Make sure Debian's chromium, and a font with Chinese glyphs, are present for the browser
# tests (screenshots and Lighthouse of the Chinese pages would otherwise draw empty boxes).
# Installs them with apt when they are missing and we may (CI=true, or running as root).
# Under CI=true a package that cannot be installed fails the run; locally it only warns,
# and the browser tests then report themselves as skipped.
set -euo pipefail
PACKAGES=(chromium fonts-wqy-microhei)
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
[ -e /usr/share/fonts/truetype/wqy/wqy-microhei.ttc ] || missing+=(fonts-wqy-microhei)
if [ ${#missing[@]} = 0 ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
fi
if [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; then
  echo "Installing Debian's ${missing[*]} (needed by the browser tests)..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  exit 0
fi
if [ "${CI:-}" = "true" ]; then
  echo "error: ${missing[*]} missing and cannot be installed (not root, no sudo)" >&2
  exit 1
fi
echo "warning: ${missing[*]} missing; install with: sudo apt-get install ${PACKAGES[*]}" >&2
