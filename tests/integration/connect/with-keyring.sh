#!/bin/sh
# Runs a test under its own D-Bus session with an unlocked gnome-keyring (a real
# Secret Service), everything under a throwaway directory. When the pieces are
# missing, the test still runs and skips only its keychain part, saying why.
set -u
test_bin="$1"; shift
for tool in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    PGDECK_KEYRING_SKIP="$tool is not installed" exec "$test_bin" "$@"
  fi
done
tmp=$(mktemp -d "${TMPDIR:-/tmp}/pgdeck-keyring.XXXXXX")
mkdir -p "$tmp/run" "$tmp/keyring-data" && chmod 700 "$tmp/run"
# The keyring daemon (and anything D-Bus activates) keeps its files in $tmp.
XDG_RUNTIME_DIR="$tmp/run" XDG_DATA_HOME="$tmp/keyring-data" XDG_CONFIG_HOME="$tmp/keyring-config" \
XDG_CACHE_HOME="$tmp/keyring-cache" HOME="$tmp" \
dbus-run-session -- sh -c '
  if ! printf %s pgdeck-test-keyring | gnome-keyring-daemon --unlock --components=secrets --daemonize >/dev/null 2>&1; then
    export PGDECK_KEYRING_SKIP="gnome-keyring-daemon did not start"
  fi
  unset XDG_DATA_HOME XDG_CONFIG_HOME XDG_CACHE_HOME
  exec "$0" "$@"' "$test_bin" "$@"
status=$?
rm -rf "$tmp"
exit $status
