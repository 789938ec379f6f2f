#!/usr/bin/env bash
# Builds every Mercato image (./mercato images): mercato/payara (Java, Payara Micro, the Artemis resource adapter,
# start script, health check), then one image per WAR (docker/<service>/Dockerfile), all tagged
# mercato/<name>:<version> and :latest. The build context is a staging folder with the built WARs, so Mercato must
# be built first (the caller does it).
#
#   --local-base   JAVA_BASE=mercato/java:17 built from Debian's packages (docker/base), for machines that cannot
#                  pull from an image registry; without it, JAVA_BASE is the Dockerfile's default (Eclipse Temurin)
#   MERCATO_JAVA_BASE=<image>   any other Java 17 runtime image
#   MERCATO_IMAGE_TAG=<tag>     the tag beside latest (default: the project version)
set -euo pipefail
cd "$(dirname "$0")/.."

platform=platform/launcher/target/platform
services=(users catalog inventory orders cart payments notifications fulfillment analytics admin storefront)

java_base="${MERCATO_JAVA_BASE:-}"
for arg in "$@"; do
  case "$arg" in
    --local-base)
      docker/base/build-local-base.sh
      java_base=mercato/java:17
      ;;
    *) echo "unknown option: $arg (./mercato images [--local-base])" >&2; exit 2 ;;
  esac
done
tag="${MERCATO_IMAGE_TAG:-$(sed -n 's:.*<version>\(.*\)</version>.*:\1:p' pom.xml | head -1)}"

for file in "$platform/payara-micro.jar" "$platform/artemis-ra.rar"; do
  [ -f "$file" ] || { echo "$file is missing: build Mercato first (./mvnw install -DskipTests)" >&2; exit 1; }
done
context="$(mktemp -d /tmp/mercato-images.XXXXXX)"
trap 'rm -rf "$context"' EXIT
mkdir -p "$context/docker/payara" "$context/wars"
cp "$platform/payara-micro.jar" "$platform/artemis-ra.rar" "$context/"
cp "$platform"/wars/*.war "$context/wars/"
cp docker/payara/entrypoint.sh docker/payara/healthcheck.sh docker/payara/preboot.asadmin docker/payara/preboot-storefront.asadmin "$context/docker/payara/"

build() {
  local name="$1" dockerfile="$2"; shift 2
  local started=$SECONDS
  echo "[images] mercato/$name:$tag ..."
  if ! docker build -q -f "$dockerfile" -t "mercato/$name:$tag" -t "mercato/$name:latest" "$@" "$context" \
      > "$context/build.log" 2>&1; then
    cat "$context/build.log" >&2
    echo "[images] mercato/$name failed" >&2
    exit 1
  fi
  echo "[images] mercato/$name:$tag built in $((SECONDS - started)) s"
}

base_args=()
[ -n "$java_base" ] && base_args=(--build-arg "JAVA_BASE=$java_base")
build payara docker/payara/Dockerfile "${base_args[@]}"
for service in "${services[@]}"; do
  build "$service" "docker/$service/Dockerfile" --build-arg "PAYARA_IMAGE=mercato/payara:$tag"
done
echo "[images] all ${#services[@]} service images built (mercato/<service>:$tag)"
