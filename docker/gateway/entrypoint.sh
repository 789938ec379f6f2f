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
conf=/var/lib/mercato-gateway/nginx.conf
variables="$(compgen -e | grep '^MERCATO_' | sed 's/^/$/' | paste -sd' ' -)"
envsubst "$variables" < /etc/mercato/nginx.conf.template > "$conf"
if grep -n '\${MERCATO_' "$conf" >&2; then
  echo "mercato-gateway: the placeholders above have no value" >&2
  exit 1
fi
nginx -p /var/lib/mercato-gateway/ -c "$conf" -t -q
echo "mercato-gateway: listening on ${MERCATO_GATEWAY_PORT} (internal ${MERCATO_GATEWAY_INTERNAL_PORT})"
exec nginx -p /var/lib/mercato-gateway/ -c "$conf" -g 'daemon off;'
