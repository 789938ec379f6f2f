#!/bin/bash
# Starts a single OpenSearch node for the catalog's search index (Hibernate Search's Elasticsearch backend).
# Single-node discovery; data in the volume /var/lib/opensearch (the catalog rebuilds its index from its database
# when the index is empty). MERCATO_OPENSEARCH_CLUSTER names the cluster.
set -euo pipefail
export OPENSEARCH_JAVA_HOME="${OPENSEARCH_JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
unset JAVA_TOOL_OPTIONS
exec /opt/opensearch/bin/opensearch -Ediscovery.type=single-node -Enetwork.host=0.0.0.0 -Ehttp.port=9200 \
  -Epath.data=/var/lib/opensearch/data -Epath.logs=/var/lib/opensearch/logs \
  -Ecluster.name="${MERCATO_OPENSEARCH_CLUSTER:-mercato}" -Ecluster.routing.allocation.disk.threshold_enabled=false
