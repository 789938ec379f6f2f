#!/bin/bash
# Starts one broker of Mercato's replicated Artemis pair.
#   MERCATO_BROKER_ROLE     primary or backup
#   MERCATO_BROKER_SELF     the name the clients and the peer reach this broker at (e.g. the Swarm service name)
#   MERCATO_BROKER_PEER     the other broker's name
#   MERCATO_BROKER_PORT     the CORE port of both (61616)
# The pair's password is the secret /run/secrets/mercato.broker.cluster-password. The instance (journal, paging,
# large messages) lives in the volume /var/lib/artemis; broker.xml is written anew at every start.
set -euo pipefail
secrets="${MERCATO_SECRETS_DIR:-/run/secrets}"
role="${MERCATO_BROKER_ROLE:-primary}"
port="${MERCATO_BROKER_PORT:-61616}"
self="${MERCATO_BROKER_SELF:?MERCATO_BROKER_SELF is needed: the name this broker is reached at}"
peer="${MERCATO_BROKER_PEER:?MERCATO_BROKER_PEER is needed: the other broker of the pair}"
password_file="$secrets/mercato.broker.cluster-password"
[ -s "$password_file" ] || { echo "mercato-artemis: $password_file is missing" >&2; exit 1; }
instance=/var/lib/artemis/instance

if [ ! -x "$instance/bin/artemis" ]; then
  echo "mercato-artemis: creating the $role broker instance in $instance"
  /opt/artemis/bin/artemis create "$instance" --silent --force --name "$self" --host 0.0.0.0 \
    --default-port "$port" --no-web --no-amqp-acceptor --no-mqtt-acceptor --no-stomp-acceptor \
    --no-hornetq-acceptor --nio --allow-anonymous --user mercato --password "$(head -c 24 /dev/urandom | base64)" \
    > /dev/null
fi
MERCATO_BROKER_CLUSTER_PASSWORD="$(tr -d '\n' < "$password_file")" \
  java -cp /opt/mercato/mercato-launcher.jar:/opt/mercato/mercato-messaging.jar org.mercato.launcher.ArtemisPair \
  "$role" "$self" "0.0.0.0:$port" "$self:$port" "$peer:$port" > "$instance/etc/broker.xml"
echo "mercato-artemis: $role $self (peer $peer) on port $port"
export JAVA_ARGS="$MERCATO_BROKER_JAVA_OPTIONS -Djava.net.preferIPv4Stack=true --add-opens java.base/jdk.internal.misc=ALL-UNNAMED"
exec "$instance/bin/artemis" run
