#!/bin/bash
# Starts the service of this image in Payara Micro: the resource adapter, then every WAR in /opt/mercato/apps.
#
# The data grid (Hazelcast) joins the members found by DNS: MERCATO_GRID_MEMBERS lists names, e.g.
# "tasks.catalog,tasks.cart,..." in Swarm (each name's addresses, port MERCATO_GRID_PORT), never multicast.
# MERCATO_GRID_INTERFACES (e.g. 10.0.9.*) pins the grid to the overlay network when a task has several.
# MERCATO_GRID_SEED names a member to wait for and join through (see below).
# MERCATO_JAVA_OPTIONS adds JVM options.
set -euo pipefail
home=/opt/mercato
grid_port="${MERCATO_GRID_PORT:-6900}"

# Swarm's DNS lists a task only once it is healthy, and a Payara joins the grid long before it is: so every member
# first waits for the grid's seed (MERCATO_GRID_SEED, e.g. tasks.grid-seed: a Payara without applications and
# without a health check, listed at once) and joins through it; the seed itself does not wait.
#
# await_listed <name> <limit> <what>: waits until the DNS lists <name>, while $waited (seconds, shared by the
# caller's calls) is under <limit>, saying "waiting for <what>" every 30 s.
await_listed() {
  until getent ahostsv4 "$1" > /dev/null 2>&1 || (( waited >= $2 )); do
    if (( waited % 30 == 0 )); then
      echo "mercato: waiting for $3 (${waited} s so far)"
    fi
    sleep 2
    waited=$((waited + 2))
  done
}
seed="${MERCATO_GRID_SEED:-}"
if [ -n "$seed" ]; then
  waited=0
  await_listed "$seed" "${MERCATO_GRID_SEED_WAIT:-300}" "the data grid's seed $seed"
fi

# start in waves, as the local cluster mode does: wait (at most MERCATO_START_AFTER_WAIT seconds, 300 by default)
# until each name in MERCATO_START_AFTER is listed by the DNS, i.e. has a healthy task. A whole stack starting at
# once on few cores makes every JVM slower than its health check allows; on a restart the names are there at once.
IFS=',' read -r -a after <<< "${MERCATO_START_AFTER:-}"
waited=0
for name in "${after[@]}"; do
  [ -n "$name" ] || continue
  await_listed "$name" "${MERCATO_START_AFTER_WAIT:-300}" "$name to be healthy before starting"
done

members=()
IFS=',' read -r -a names <<< "${seed:+$seed,}${MERCATO_GRID_MEMBERS:-}"
for name in "${names[@]}"; do
  [ -n "$name" ] || continue
  while read -r address _; do
    members+=("$address:$grid_port")
  done < <(getent ahostsv4 "$name" 2>/dev/null | awk '{print $1}' | sort -u)
done
self="$(hostname -i | awk '{print $1}')"
members+=("$self:$grid_port")
cluster="tcpip:$(printf '%s\n' "${members[@]}" | sort -u | paste -sd, -)"
echo "mercato: starting $(ls "$home"/apps | paste -sd' ' -) with data grid $cluster"

# the pre-boot commands every Mercato Payara runs (preboot.asadmin), the storefront's OpenAPI moved aside (as the
# launcher does), and Swarm's secrets as a MicroProfile Config directory source: a file
# /run/secrets/mercato.users.db.password is the property mercato.users.db.password (environment variables win)
preboot=/tmp/mercato-preboot.asadmin
cp "$home/preboot.asadmin" "$preboot"
if [ -f "$home/apps/ROOT.war" ]; then
  cat "$home/preboot-storefront.asadmin" >> "$preboot"
fi
secrets="${MERCATO_SECRETS_DIR:-/run/secrets}"
if [ -d "$secrets" ]; then
  echo "set-config-dir --directory=$secrets" >> "$preboot"
fi

# the console log: JSON lines for the log collector (MERCATO_LOG_FORMAT=json, the image's default) or text
case "${MERCATO_LOG_FORMAT:-json}" in
  json|text) logging="$home/logging-${MERCATO_LOG_FORMAT:-json}.properties" ;;
  *) echo "mercato: MERCATO_LOG_FORMAT must be json or text, not $MERCATO_LOG_FORMAT" >&2; exit 64 ;;
esac

command=(java "-XX:MaxRAMPercentage=${MERCATO_MAX_RAM_PERCENTAGE:-70}" -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError
  -Djava.net.preferIPv4Stack=true -Djakarta.json.provider=org.eclipse.parsson.JsonProviderImpl)
if [ -n "${MERCATO_JAVA_OPTIONS:-}" ]; then
  read -r -a extra <<< "$MERCATO_JAVA_OPTIONS"
  command+=("${extra[@]}")
fi
command+=(-jar "$home/payara-micro.jar" --port "${MERCATO_HTTP_PORT:-8080}" --rootdir /tmp/payara
  --name "$(hostname)" --disablephonehome --nohostaware --startport "$grid_port" --clustermode "$cluster"
  --prebootcommandfile "$preboot" --logproperties "$logging")
if [ -n "${MERCATO_GRID_INTERFACES:-}" ]; then
  command+=(--interfaces "$MERCATO_GRID_INTERFACES")
fi
# the post-boot commands (docs/deploy.md, "Operating Payara"), run after boot and before the WARs deploy: the
# resource adapter, the broker's connection factories (postboot/jms.asadmin) and the JDBC pool of each service of
# this image (postboot/<service>.asadmin for MERCATO_INSTANCE_SERVICES), with PostgreSQL's driver on Payara's class
# path; then the WARs. None of it in the grid's seed (mercato/payara alone, no applications).
shopt -s nullglob
wars=("$home"/apps/*.war)
if (( ${#wars[@]} > 0 )); then
  postboot=/tmp/mercato-postboot.asadmin
  {
    echo "deploy --name=artemis-ra --type=rar $home/artemis-ra.rar"
    cat "$home/postboot/jms.asadmin"
    IFS=',' read -r -a own <<< "${MERCATO_INSTANCE_SERVICES:-}"
    for service in "${own[@]}"; do
      service="${service// /}"
      if [ -n "$service" ] && [ -f "$home/postboot/$service.asadmin" ]; then
        cat "$home/postboot/$service.asadmin"
      fi
    done
    # an operator's own commands (a Swarm config or a mounted file), run last: they may change what is above
    if [ -n "${MERCATO_POSTBOOT_FILE:-}" ]; then
      cat "$MERCATO_POSTBOOT_FILE"
    fi
  } > "$postboot"
  command+=(--postbootcommandfile "$postboot" --addlibs "$home/postgresql.jar")
  for war in "${wars[@]}"; do
    command+=(--deploy "$war")
  done
fi
# Stopping (docker stop, a rolling update, a scale down): Swarm takes the task out of its DNS at once, but the
# gateway looks the tasks up every few seconds; so the instance keeps answering for MERCATO_STOP_DELAY_SECONDS (8)
# before Payara stops (it undeploys first, and would answer 404 to what still reaches it)
"${command[@]}" &
payara=$!
stopping=false
trap 'stopping=true; sleep "${MERCATO_STOP_DELAY_SECONDS:-8}"; kill -TERM "$payara" 2> /dev/null' TERM INT
status=0
wait "$payara" || status=$?
if $stopping; then
  # the trap interrupted the wait: now wait for Payara itself to finish stopping
  status=0
  wait "$payara" || status=$?
fi
exit "$status"
