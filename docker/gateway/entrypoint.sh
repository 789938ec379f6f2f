#!/bin/bash
# Fills in the gateway template (docker/gateway/nginx.conf, or a Swarm config mounted over
# /etc/mercato/nginx.conf.template) from the MERCATO_ environment variables, checks it and runs NGINX.
#
# Upstreams: MERCATO_UPSTREAM_<SERVICE> when set (fixed), else every task of the Swarm service, found through its
# DNS name tasks.<service> (one address per healthy task), as "server <address>:8080 max_fails=1 fail_timeout=10s;"
# lines: each instance has its passive health check and idempotent requests are retried on the next one, as in
# the local cluster mode. The tasks are looked up again every MERCATO_GATEWAY_REFRESH_SECONDS (5) and NGINX
# reloads (gracefully) when they changed: a scaled, restarted or updated service is followed within seconds. No
# virtual IP and no routing mesh are needed (neither works where the kernel has no IPVS).
set -euo pipefail
declare -A hosts=([USERS]=users [CATALOG]=catalog [INVENTORY]=inventory [ORDERS]=orders [CART]=cart
  [PAYMENTS]=payments [NOTIFICATIONS]=notifications [FULFILLMENT]=fulfillment [ANALYTICS]=analytics
  [ADMIN]=admin [STOREFRONT]=storefront)
declare -A fixed=()
for service in "${!hosts[@]}"; do
  variable="MERCATO_UPSTREAM_$service"
  [ -n "${!variable:-}" ] && fixed[$service]=1
done
prefix=/var/lib/mercato-gateway
conf="$prefix/nginx.conf"
port="${MERCATO_UPSTREAM_PORT:-8080}"

# the server lines of one service's healthy tasks (empty when it has none)
servers() {
  getent ahostsv4 "tasks.$1" 2> /dev/null | awk '{print $1}' | sort -u \
    | awk -v port="$port" '{printf "server %s:%s max_fails=1 fail_timeout=10s;\n        ", $1, port}'
}

# writes the configuration for the tasks known now into $1; fails when a service has no task
render() {
  local service lines
  for service in "${!hosts[@]}"; do
    [ -n "${fixed[$service]:-}" ] && continue
    lines="$(servers "${hosts[$service]}")"
    [ -n "$lines" ] || return 1
    export "MERCATO_UPSTREAM_$service=$lines"
  done
  envsubst "$(compgen -e | grep '^MERCATO_' | sed 's/^/$/' | paste -sd' ' -)" \
    < /etc/mercato/nginx.conf.template > "$1"
}

# NGINX needs at least one instance of every service: wait until each has a healthy task (a stack starts its
# services together; Swarm's DNS lists a task once it is healthy)
waited=0
until render "$conf.new"; do
  if (( waited % 30 == 0 )); then
    missing=()
    for service in "${!hosts[@]}"; do
      [ -n "${fixed[$service]:-}" ] || [ -n "$(servers "${hosts[$service]}")" ] || missing+=("${hosts[$service]}")
    done
    echo "mercato-gateway: waiting for a healthy task of: ${missing[*]} (${waited} s so far)"
  fi
  sleep 2
  waited=$((waited + 2))
done
mv "$conf.new" "$conf"
if grep -nE '^[^#]*\$\{MERCATO_[A-Z0-9_]+\}' "$conf" >&2; then
  echo "mercato-gateway: the placeholders above have no value" >&2
  exit 1
fi
nginx -p "$prefix/" -c "$conf" -t -q
echo "mercato-gateway: listening on ${MERCATO_GATEWAY_PORT} (internal ${MERCATO_GATEWAY_INTERNAL_PORT})"
nginx -p "$prefix/" -c "$conf" -g 'daemon off;' &
nginx_pid=$!
trap 'kill -QUIT "$nginx_pid" 2> /dev/null' TERM INT

# follow the tasks: a changed set of instances is a graceful reload
(
  while sleep "${MERCATO_GATEWAY_REFRESH_SECONDS:-5}"; do
    kill -0 "$nginx_pid" 2> /dev/null || exit 0
    if render "$conf.new" && ! cmp -s "$conf.new" "$conf"; then
      if nginx -p "$prefix/" -c "$conf.new" -t -q 2> /dev/null; then
        mv "$conf.new" "$conf"
        nginx -p "$prefix/" -c "$conf" -s reload
        echo "mercato-gateway: instances changed, reloaded"
      fi
    fi
  done
) &
wait "$nginx_pid"
