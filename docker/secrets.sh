#!/usr/bin/env bash
# Creates the Swarm secrets docker/stack.yml needs, once: a secret that exists is left alone (rotate one with
# docs/deploy.md). Passwords are random (24 bytes); the JWT signing key is a new RSA 2048 key pair (PKCS#8 PEM and
# its public key). The console's first staff account gets MERCATO_ADMIN_PASSWORD, or a random password printed
# once here. Needs a Docker engine in swarm mode and openssl.
#
# With --files DIR (a single Docker host, docker/compose.yml) each secret is a file DIR/<name> instead (the folder
# readable by its owner only, each file readable inside the containers, which run as their own users); no swarm
# needed.
set -euo pipefail

files=""
if [ "${1:-}" = "--files" ]; then
  files="${2:?--files needs a folder}"
  mkdir -p "$files" && chmod 700 "$files"
fi

exists() {
  if [ -n "$files" ]; then [ -s "$files/$1" ]; else docker secret inspect "$1" > /dev/null 2>&1; fi
}
create() {
  local name="$1" value="$2"
  if exists "$name"; then
    echo "[secrets] $name exists, kept"
  elif [ -n "$files" ]; then
    (umask 022 && printf '%s' "$value" > "$files/$name") && chmod 444 "$files/$name"
    echo "[secrets] $name written to $files"
  else
    printf '%s' "$value" | docker secret create --label org.mercato.stack=mercato "$name" - > /dev/null
    echo "[secrets] $name created"
  fi
}
random() { head -c 24 /dev/urandom | base64 | tr -d '/+=\n'; }

for service in users catalog inventory orders payments notifications fulfillment analytics; do
  create "mercato.$service.db.password" "$(random)"
done
create mercato.broker.cluster-password "$(random)"
create mercato.service-clients.orders.secret "$(random)"
create mercato.grafana.admin-password "${MERCATO_GRAFANA_ADMIN_PASSWORD:-$(random)}"

if ! exists mercato.admin.password; then
  admin_password="${MERCATO_ADMIN_PASSWORD:-}"
  if [ -z "$admin_password" ]; then
    admin_password="$(random)"
    echo "[secrets] the console's first staff account: ${MERCATO_ADMIN_EMAIL:-admin@mercato.example} / $admin_password (shown once; change it after signing in)"
  fi
  create mercato.admin.password "$admin_password"
else
  echo "[secrets] mercato.admin.password exists, kept"
fi

if ! exists mercato.jwt.signing-key; then
  key="$(mktemp)"
  trap 'rm -f "$key"' EXIT
  openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$key" 2> /dev/null
  create mercato.jwt.signing-key "$(cat "$key")"
  if [ -n "$files" ]; then rm -f "$files/mercato.jwt.signing-key-public"; else
    docker secret rm mercato.jwt.signing-key-public > /dev/null 2>&1 || true
  fi
  create mercato.jwt.signing-key-public "$(openssl pkey -in "$key" -pubout)"
else
  echo "[secrets] mercato.jwt.signing-key exists, kept"
  exists mercato.jwt.signing-key-public || { echo "mercato.jwt.signing-key-public is missing" >&2; exit 1; }
fi
