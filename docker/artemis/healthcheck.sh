#!/bin/bash
# Docker's HEALTHCHECK: the primary is healthy when it accepts connections on its CORE port. A backup does not
# listen while it replicates (it opens its port only when it takes over), so a backup counts as healthy while it
# runs: Swarm must not replace it for waiting.
if [ "${MERCATO_BROKER_ROLE:-primary}" = "backup" ]; then
  exit 0
fi
exec 3<>"/dev/tcp/127.0.0.1/${MERCATO_BROKER_PORT:-61616}"
