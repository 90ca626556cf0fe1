#!/bin/sh
# One-shot (service temporal-setup): make sure the namespace exists and register the custom
# search attributes the workflows upsert. TEMPORAL_SEARCH_ATTRIBUTES is a space-separated list of
# Name=Type pairs (Keyword, Bool, Datetime, ...). With SQL visibility, search attributes belong to
# a namespace, so they are registered on TEMPORAL_NAMESPACE.
# Idempotent: an existing namespace is kept as is (retention included), and re-registering an
# attribute with the same type is a no-op; one that exists with a different type fails the job.
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

# The CLI type of a Name=Type pair as the list shows it: KeywordList -> INDEXED_VALUE_TYPE_KEYWORD_LIST.
indexed_type() {
  printf 'INDEXED_VALUE_TYPE_%s' "$(printf '%s' "${1#*=}" | sed 's/\([a-z]\)\([A-Z]\)/\1_\2/g' | tr 'a-z' 'A-Z')"
}

# Every attribute must show up in the namespace's list with its type, so the workers can upsert them
# right away.
attributes_visible() {
  # shellcheck disable=SC2086
  listed=$(temporal operator search-attribute list $ns_flags --output json) || return 1
  for pair in $TEMPORAL_SEARCH_ATTRIBUTES; do
    printf '%s' "$listed" | grep -q "\"${pair%%=*}\": *\"$(indexed_type "$pair")\"" || return 1
  done
}

# One attribute per call: with SQL visibility a call naming several registered only the first. One that
# already exists counts as registered (older servers refuse even the same type); a different type is then
# caught by attributes_visible.
register_attribute() {
  # shellcheck disable=SC2086
  out=$(temporal operator search-attribute create $ns_flags --name "${1%%=*}" --type "${1#*=}" 2>&1) && return 0
  case $out in *'already exists'*) return 0 ;; esac
  printf '%s\n' "$out" >&2
  return 1
}

retry 'cluster health' temporal operator cluster health --address "$TEMPORAL_ADDRESS"
retry "namespace $TEMPORAL_NAMESPACE" ensure_namespace

for pair in $TEMPORAL_SEARCH_ATTRIBUTES; do
  retry "search attribute $pair" register_attribute "$pair"
done
retry 'search attributes to become visible with their types' attributes_visible
echo "temporal-setup: namespace $TEMPORAL_NAMESPACE ready with: $TEMPORAL_SEARCH_ATTRIBUTES"
