#!/usr/bin/env bash
# Builds every Mercato image (./mercato images): mercato/payara (Java, Payara Micro, the Artemis resource adapter,
# start script, health check), one image per WAR (docker/<service>/Dockerfile), and the stack's infrastructure:
# gateway (NGINX), postgres, artemis, opensearch, mail (GreenMail), prometheus; all tagged mercato/<name>:<version>
# and :latest. The build context is a staging folder with the built WARs and distributions, so Mercato must be
# built first (the caller does it).
#
#   --local-base   JAVA_BASE=mercato/java:17 and DEBIAN_BASE=mercato/debian:bookworm built from Debian's packages
#                  (docker/base), for machines that cannot pull from an image registry; without it, the
#                  Dockerfiles' defaults (eclipse-temurin:17-jre, debian:bookworm-slim)
#   --services-only  only mercato/payara and the service images
#   MERCATO_JAVA_BASE=<image>, MERCATO_DEBIAN_BASE=<image>   other base images
#   MERCATO_IMAGE_TAG=<tag>     the tag beside latest (default: the project version)
set -euo pipefail
cd "$(dirname "$0")/.."

platform=platform/launcher/target/platform
services=(users catalog inventory orders cart payments notifications fulfillment analytics admin storefront)

java_base="${MERCATO_JAVA_BASE:-}"
debian_base="${MERCATO_DEBIAN_BASE:-}"
infrastructure=true
for arg in "$@"; do
  case "$arg" in
    --local-base)
      docker/base/build-local-base.sh
      java_base=mercato/java:17
      debian_base=mercato/debian:bookworm
      ;;
    --services-only) infrastructure=false ;;
    *) echo "unknown option: $arg (./mercato images [--local-base] [--services-only])" >&2; exit 2 ;;
  esac
done
tag="${MERCATO_IMAGE_TAG:-$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)}"

for file in "$platform/payara-micro.jar" "$platform/artemis-ra.rar"; do
  [ -f "$file" ] || { echo "$file is missing: build Mercato first (./mvnw install -DskipTests)" >&2; exit 1; }
done
# one small build context per kind of image (the legacy builder sends the whole context to every build)
staging="$(mktemp -d /tmp/mercato-images.XXXXXX)"
trap 'rm -rf "$staging"' EXIT
mkdir -p "$staging/services/wars" "$staging/services/docker" "$staging/plain"
cp "$platform/payara-micro.jar" "$platform/artemis-ra.rar" "$staging/services/"
cp "$platform"/lib/postgresql-[0-9]*.jar "$staging/services/postgresql.jar"
cp "$platform"/wars/*.war "$staging/services/wars/"
cp -r docker/payara "$staging/services/docker/"
cp -r docker "$staging/plain/"
if $infrastructure; then
  echo "[images] staging the Artemis and OpenSearch distributions..."
  mkdir -p "$staging/artemis/docker" "$staging/opensearch/docker"
  cp -r "$platform"/artemis/apache-artemis-* "$staging/artemis/artemis"
  cp "$platform/mercato-launcher.jar" "$staging/artemis/"
  cp "$platform"/lib/mercato-messaging-*.jar "$staging/artemis/mercato-messaging.jar"
  cp -r docker/artemis "$staging/artemis/docker/"
  cp -r "$platform"/opensearch/opensearch-* "$staging/opensearch/opensearch"
  cp -r docker/opensearch "$staging/opensearch/docker/"
  cp "$platform/docker/greenmail-standalone.jar" "$staging/plain/docker/"
fi

# build <image name> <context> <Dockerfile> [docker build options]
build() {
  local name="$1" context="$2" dockerfile="$3"; shift 3
  local started=$SECONDS
  echo "[images] mercato/$name:$tag ..."
  if ! docker build -q -f "$context/$dockerfile" -t "mercato/$name:$tag" -t "mercato/$name:latest" "$@" \
      "$context" > "$staging/build.log" 2>&1; then
    cat "$staging/build.log" >&2
    echo "[images] mercato/$name failed" >&2
    exit 1
  fi
  echo "[images] mercato/$name:$tag built in $((SECONDS - started)) s"
}

java_args=()
[ -n "$java_base" ] && java_args=(--build-arg "JAVA_BASE=$java_base")
debian_args=()
[ -n "$debian_base" ] && debian_args=(--build-arg "DEBIAN_BASE=$debian_base")
build payara "$staging/services" docker/payara/Dockerfile "${java_args[@]}"
for service in "${services[@]}"; do
  cp "docker/$service/Dockerfile" "$staging/services/docker/$service.Dockerfile"
  build "$service" "$staging/services" "docker/$service.Dockerfile" --build-arg "PAYARA_IMAGE=mercato/payara:$tag"
done
echo "[images] all ${#services[@]} service images built (mercato/<service>:$tag)"
if $infrastructure; then
  for image in gateway postgres prometheus; do
    build "$image" "$staging/plain" "docker/$image/Dockerfile" "${debian_args[@]}"
  done
  build artemis "$staging/artemis" docker/artemis/Dockerfile "${java_args[@]}"
  build opensearch "$staging/opensearch" docker/opensearch/Dockerfile "${java_args[@]}"
  build mail "$staging/plain" docker/mail/Dockerfile "${java_args[@]}"
  echo "[images] the stack's infrastructure images built (gateway, postgres, prometheus, artemis, opensearch, mail)"
fi
