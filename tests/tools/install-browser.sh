#!/usr/bin/env bash
# Make sure Debian's chromium is present for the browser tests.
# Installs it with apt when it is missing and we may (CI=true, or running as root).
# Under CI=true a chromium that cannot be installed fails the run; locally it only warns,
# and the browser tests then report themselves as skipped.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
SUDO=""
if [ "$(id -u)" != 0 ]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then SUDO="sudo -n"; fi
fi
if [ "$(id -u)" = 0 ] || [ -n "$SUDO" ]; then
  echo "Installing Debian's chromium (needed by the browser tests)..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
if [ "${CI:-}" = "true" ]; then
  echo "error: /usr/bin/chromium is missing and cannot be installed (not root, no sudo)" >&2
  exit 1
fi
echo "warning: /usr/bin/chromium is missing; install it with: sudo apt-get install chromium" >&2
