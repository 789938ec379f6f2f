#!/bin/bash
# Starts PostgreSQL for Mercato: makes the cluster on first start (SCRAM passwords, connections from the overlay
# network), then, at every start, makes sure each service in MERCATO_DATABASES has its database and a login of the
# same name whose password is the secret /run/secrets/mercato.<service>.db.password (a changed secret is applied
# at the next start). The superuser has no password and is reachable only through the local socket.
set -euo pipefail
secrets="${MERCATO_SECRETS_DIR:-/run/secrets}"

if [ ! -s "$PGDATA/PG_VERSION" ]; then
  echo "mercato-postgres: creating the cluster in $PGDATA"
  mkdir -p "$PGDATA"
  initdb --username=postgres --encoding=UTF8 --locale=C.UTF-8 --auth-local=peer --auth-host=scram-sha-256 \
    -D "$PGDATA" > /dev/null
  {
    echo "listen_addresses = '*'"
    echo "password_encryption = 'scram-sha-256'"
    echo "max_connections = ${MERCATO_POSTGRES_MAX_CONNECTIONS:-300}"
    echo "shared_buffers = ${MERCATO_POSTGRES_SHARED_BUFFERS:-256MB}"
    echo "log_min_duration_statement = 1000"
    echo "log_line_prefix = '%m [%p] %q%u@%d '"
  } >> "$PGDATA/postgresql.conf"
  echo "host all all 0.0.0.0/0 scram-sha-256" >> "$PGDATA/pg_hba.conf"
fi

# local socket only while the logins are set up
pg_ctl -D "$PGDATA" -o "-c listen_addresses=''" -w start > /dev/null
for service in $MERCATO_DATABASES; do
  file="$secrets/mercato.$service.db.password"
  if [ ! -s "$file" ]; then
    echo "mercato-postgres: $file is missing: no login for $service" >&2
    continue
  fi
  password="$(tr -d '\n' < "$file")"
  psql -v ON_ERROR_STOP=1 -q -d postgres --set=name="$service" --set=password="$password" <<'SQL'
SELECT format('CREATE ROLE %I LOGIN', :'name') WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = :'name')
\gexec
SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', :'name', :'password')
\gexec
SELECT format('CREATE DATABASE %I OWNER %I', :'name', :'name')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'name')
\gexec
SQL
  echo "mercato-postgres: database and login $service ready"
done
pg_ctl -D "$PGDATA" -m fast -w stop > /dev/null
exec postgres -D "$PGDATA"
