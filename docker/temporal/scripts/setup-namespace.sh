#!/bin/sh
# One-shot (service temporal-setup): make sure the namespace exists and register the custom
# search attributes the workflows upsert. TEMPORAL_SEARCH_ATTRIBUTES is a space-separated list of
# Name=Type pairs (Keyword, Bool, Datetime, ...). With SQL visibility, search attributes belong to
# a namespace, so they are registered on TEMPORAL_NAMESPACE.
# Idempotent: an existing namespace is kept as is (retention included), and re-registering an
# attribute with the same type is a no-op; the CLI refuses one that exists with a different type.
set -eu
: "${TEMPORAL_ADDRESS:?TEMPORAL_ADDRESS must be set}"
: "${TEMPORAL_NAMESPACE:?TEMPORAL_NAMESPACE must be set}"
: "${TEMPORAL_SEARCH_ATTRIBUTES:?TEMPORAL_SEARCH_ATTRIBUTES must be set}"
retention=${TEMPORAL_NAMESPACE_RETENTION:-30d}
max_attempts=${SETUP_MAX_ATTEMPTS:-60}
ns_flags="--address $TEMPORAL_ADDRESS --namespace $TEMPORAL_NAMESPACE"

# retry <what> <command...>: the frontend can report healthy before a new namespace or search
# attribute is visible through its caches, so every step waits instead of failing the deployment.
retry() {
  what=$1
  shift
  attempt=1
  until "$@"; do
    if [ "$attempt" -ge "$max_attempts" ]; then
      echo "temporal-setup: giving up waiting for $what" >&2
      return 1
    fi
    echo "temporal-setup: waiting for $what ($attempt/$max_attempts)"
    attempt=$((attempt + 1))
    sleep 2
  done
}

ensure_namespace() {
  # shellcheck disable=SC2086 # ns_flags is split on purpose
  temporal operator namespace describe $ns_flags >/dev/null 2>&1 ||
    temporal operator namespace create $ns_flags --retention "$retention"
}

# Every attribute must show up in the namespace's list, so the workers can upsert them right away.
attributes_visible() {
  # shellcheck disable=SC2086
  listed=$(temporal operator search-attribute list $ns_flags --output json) || return 1
  for pair in $TEMPORAL_SEARCH_ATTRIBUTES; do
    printf '%s' "$listed" | grep -q "\"${pair%%=*}\"" || return 1
  done
}

retry 'cluster health' temporal operator cluster health --address "$TEMPORAL_ADDRESS"
retry "namespace $TEMPORAL_NAMESPACE" ensure_namespace

set --
for pair in $TEMPORAL_SEARCH_ATTRIBUTES; do
  set -- "$@" --name "${pair%%=*}" --type "${pair#*=}"
done
# shellcheck disable=SC2086
retry 'search attribute registration' temporal operator search-attribute create $ns_flags "$@"
retry 'search attributes to become visible' attributes_visible
echo "temporal-setup: namespace $TEMPORAL_NAMESPACE ready with: $TEMPORAL_SEARCH_ATTRIBUTES"
