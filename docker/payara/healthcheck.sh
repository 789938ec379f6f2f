#!/bin/bash
# Docker's HEALTHCHECK: healthy when the service's MicroProfile readiness answers 200 (every check UP). bash's
# /dev/tcp only, so no curl or wget is needed in the image.
port="${MERCATO_HTTP_PORT:-8080}"
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 4 status <&3 || exit 1
case "$status" in
  *" 200 "*) exit 0 ;;
  *) echo "readiness: $status" >&2; exit 1 ;;
esac
