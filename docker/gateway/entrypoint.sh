#!/bin/bash
# Fills in the gateway template (docker/gateway/nginx.conf, or a Swarm config mounted over
# /etc/mercato/nginx.conf.template) from the MERCATO_ environment variables, checks it and runs NGINX.
# Upstreams: MERCATO_UPSTREAM_<SERVICE> when set, else "server <service>:8080" (the Swarm service's virtual IP,
# which balances over its healthy tasks; NGINX retries idempotent requests on it).
set -euo pipefail
declare -A hosts=([USERS]=users [CATALOG]=catalog [INVENTORY]=inventory [ORDERS]=orders [CART]=cart
  [PAYMENTS]=payments [NOTIFICATIONS]=notifications [FULFILLMENT]=fulfillment [ANALYTICS]=analytics
  [ADMIN]=admin [STOREFRONT]=storefront)
for service in "${!hosts[@]}"; do
  variable="MERCATO_UPSTREAM_$service"
  if [ -z "${!variable:-}" ]; then
    # max_fails=0: a virtual IP is never taken out (Swarm already routes around unhealthy tasks)
    export "$variable=server ${hosts[$service]}:8080 max_fails=0;"
  fi
done
# NGINX resolves the upstream names once, at start; Swarm's DNS knows a service's name only once one of its tasks
# is healthy, so wait for every name (a stack starts its services together)
waited=0
for service in "${!hosts[@]}"; do
  variable="MERCATO_UPSTREAM_$service"
  for host in $(grep -o 'server [^ ;]*' <<< "${!variable}" | awk '{print $2}' | cut -d: -f1); do
    until getent hosts "$host" > /dev/null; do
      if (( waited % 30 == 0 )); then
        echo "mercato-gateway: waiting for $host to be known (a healthy task of it), ${waited} s so far"
      fi
      sleep 2
      waited=$((waited + 2))
    done
  done
done
conf=/var/lib/mercato-gateway/nginx.conf
variables="$(compgen -e | grep '^MERCATO_' | sed 's/^/$/' | paste -sd' ' -)"
envsubst "$variables" < /etc/mercato/nginx.conf.template > "$conf"
if grep -nE '^[^#]*\$\{MERCATO_[A-Z0-9_]+\}' "$conf" >&2; then
  echo "mercato-gateway: the placeholders above have no value" >&2
  exit 1
fi
nginx -p /var/lib/mercato-gateway/ -c "$conf" -t -q
echo "mercato-gateway: listening on ${MERCATO_GATEWAY_PORT} (internal ${MERCATO_GATEWAY_INTERNAL_PORT})"
exec nginx -p /var/lib/mercato-gateway/ -c "$conf" -g 'daemon off;'
