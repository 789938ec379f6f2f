#!/bin/bash
# Docker's HEALTHCHECK: healthy when the service's MicroProfile readiness answers 200 (every check UP) and names
# the deployment check of every service this image runs (MERCATO_INSTANCE_SERVICES, e.g. "catalog" ->
# "catalog-deployment"): a WAR that failed to deploy leaves Payara answering 200 with its checks missing, and
# 404 for all of its API, which Swarm's DNS and the gateway must not route to. bash's /dev/tcp only, so no curl
# or wget is needed in the image.
port="${MERCATO_HTTP_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 4 status <&3 || exit 1
case "$status" in
  *" 200 "*) ;;
  *) echo "readiness: $status" >&2; exit 1 ;;
esac
body="$(timeout 4 cat <&3)"
IFS=',' read -r -a services <<< "${MERCATO_INSTANCE_SERVICES:-}"
for service in "${services[@]}"; do
  service="${service// /}"
  [ -n "$service" ] || continue
  if [[ "$body" != *"\"$service-deployment\""* ]]; then
    echo "readiness: 200 without the check $service-deployment (the $service application is not deployed)" >&2
    exit 1
  fi
done
exit 0
