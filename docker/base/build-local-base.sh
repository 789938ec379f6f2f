#!/usr/bin/env bash
# Builds mercato/java:17, a Java 17 runtime image made from Debian's packages alone, for machines that cannot pull
# from an image registry: debootstrap --variant=minbase bookworm from this machine's Debian mirror, docker import
# as mercato/debian:bookworm, then Debian's openjdk-17-jre-headless installed by docker build (java.Dockerfile).
# Needs root, debootstrap and a running Docker engine. Rebuilt only when missing (--force: always).
set -euo pipefail
cd "$(dirname "$0")"

force=false
[ "${1:-}" = "--force" ] && force=true

mirror="${MERCATO_DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  mirror="$(awk '/^URIs:/{print $2; exit}' /etc/apt/sources.list.d/debian.sources 2>/dev/null || true)"
fi
if [ -z "$mirror" ]; then
  mirror="$(awk '$1 == "deb" {print $2; exit}' /etc/apt/sources.list 2>/dev/null || true)"
fi
mirror="${mirror:-http://deb.debian.org/debian}"

if $force || ! docker image inspect mercato/debian:bookworm >/dev/null 2>&1; then
  command -v debootstrap >/dev/null || { echo "debootstrap is needed: apt-get install debootstrap" >&2; exit 1; }
  root="$(mktemp -d /tmp/mercato-bookworm.XXXXXX)"
  trap 'rm -rf "$root"' EXIT
  echo "[base] debootstrap --variant=minbase bookworm from $mirror (a few minutes)..."
  debootstrap --variant=minbase bookworm "$root" "$mirror" > "$root.log" 2>&1 || {
    echo "debootstrap failed; its log: $root.log" >&2; exit 1; }
  rm -f "$root.log"
  # the mirror the image's apt-get uses, as on this machine
  printf 'deb %s bookworm main\ndeb %s bookworm-updates main\n' "$mirror" "$mirror" > "$root/etc/apt/sources.list"
  rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/*
  echo "[base] docker import as mercato/debian:bookworm..."
  tar -C "$root" -c . | docker import - mercato/debian:bookworm > /dev/null
fi

if $force || ! docker image inspect mercato/java:17 >/dev/null 2>&1; then
  echo "[base] mercato/java:17 (Debian's openjdk-17-jre-headless)..."
  docker build -q -t mercato/java:17 -f java.Dockerfile . > /dev/null
fi
echo "[base] mercato/java:17 ready"
