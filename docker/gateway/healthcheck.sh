#!/bin/bash
# Docker's HEALTHCHECK: NGINX answers on its public port (any HTTP status: the services behind it have their own).
exec 3<>"/dev/tcp/127.0.0.1/${MERCATO_GATEWAY_PORT:-8080}" || exit 1
printf 'GET /robots.txt HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 2 status <&3 && [[ "$status" == HTTP/* ]]
