# A Java 17 runtime from Debian's packages on the locally imported bookworm base (build-local-base.sh): what the
# service images use as JAVA_BASE where no image registry can be reached.
FROM mercato/debian:bookworm
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends openjdk-17-jre-headless ca-certificates \
    && rm -rf /var/lib/apt/lists/*
