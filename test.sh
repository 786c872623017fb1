#!/usr/bin/env bash
# The one test command: builds the solution, starts a throwaway PostgreSQL cluster, runs every
# test layer (kernel, slice/HTTP/provider, end-to-end in Chromium) and prints
# "N passed, N failed, N skipped". Installs PostgreSQL, Chromium and the e-invoice validators
# (xmllint, Saxon-HE, qpdf, poppler) with apt-get when missing, and Node with URSSAF's payroll rules
# (npm packages modele-social and publicodes) for the payroll differential test, and Prism and node-schematron (npm) which check the
# calls to the e-invoicing platform and the e-reporting files, and s3rver (npm), the S3-compatible stand-in of the attachment store.
set -euo pipefail
cd "$(dirname "$0")"
ROOT=$(pwd)
RESULTS="$ROOT/artifacts/test-results"
rm -rf "$RESULTS"
mkdir -p "$RESULTS"

log() { printf '\n==> %s\n' "$*"; }

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_updated=0
apt_install() {
  if [ "$apt_updated" -eq 0 ]; then as_root apt-get update -qq; apt_updated=1; fi
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# --- what the suite needs on a fresh Debian machine ---------------------------------------------
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then
  log "Installing PostgreSQL (Debian package postgresql)"
  apt_install postgresql
fi
if [ ! -x /usr/bin/chromium ]; then
  log "Installing Chromium (Debian package chromium)"
  apt_install chromium fonts-dejavu-core
fi
if [ ! -f /usr/share/zoneinfo/Europe/Paris ]; then
  log "Installing tzdata (dates shown in Europe/Paris)"
  apt_install tzdata
fi
if ! command -v pdftotext >/dev/null 2>&1; then
  log "Installing poppler-utils (PDF checks)"
  apt_install poppler-utils
fi
missing=()
command -v xmllint >/dev/null 2>&1 || missing+=(libxml2-utils)
[ -f /usr/share/java/Saxon-HE.jar ] || missing+=(libsaxonhe-java)
# The schematron JVM runs its helper with the JDK's source launcher (tests/Partage.Tests/Invoicing/Schematron).
java --list-modules 2>/dev/null | grep -q '^jdk.compiler' || missing+=(default-jdk-headless)
command -v qpdf >/dev/null 2>&1 || missing+=(qpdf)
if [ ${#missing[@]} -gt 0 ]; then
  log "Installing the e-invoice validators (${missing[*]}): XSD with xmllint, schematron with Saxon-HE, PDF structure with qpdf"
  apt_install "${missing[@]}"
fi
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  log "Installing Node.js and npm (URSSAF's payroll rules run as the payroll oracle)"
  apt_install nodejs npm
fi
if [ ! -d tests/Partage.Payroll.Tests/Oracle/node_modules/modele-social ]; then
  log "Installing URSSAF's payroll rules (npm ci: modele-social 11.1.0, publicodes 1.10.3)"
  (cd tests/Partage.Payroll.Tests/Oracle && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -f tests/validators/node_modules/@stoplight/prism-cli/dist/index.js ] || [ ! -d tests/validators/node_modules/node-schematron ] || [ ! -f tests/validators/node_modules/s3rver/bin/s3rver.js ]; then
  log "Installing the e-invoicing validators run with Node (npm ci: @stoplight/prism-cli 5.16.0 patched by patch-package, node-schematron 2.1.0, s3rver 3.7.1)"
  (cd tests/validators && npm ci --no-audit --no-fund --loglevel=error)
fi
PGBIN=$(pg_bin)

# --- a throwaway PostgreSQL cluster, run as a non-root user, on a free port ----------------------
PGROOT=$(mktemp -d /tmp/partage-pg.XXXXXX)
PGUSER_OS=postgres
if ! id "$PGUSER_OS" >/dev/null 2>&1; then PGUSER_OS=nobody; fi
cleanup() {
  if [ -f "$PGROOT/data/postmaster.pid" ]; then
    as_root su "$PGUSER_OS" -s /bin/sh -c "'$PGBIN/pg_ctl' -D '$PGROOT/data' -m immediate stop" >/dev/null 2>&1 || true
  fi
  rm -rf "$PGROOT"
}
trap cleanup EXIT
PGPORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null || echo $((20000 + RANDOM % 20000)))
chown "$PGUSER_OS" "$PGROOT" 2>/dev/null || as_root chown "$PGUSER_OS" "$PGROOT"
log "Starting PostgreSQL ($PGBIN) on 127.0.0.1:$PGPORT"
as_root su "$PGUSER_OS" -s /bin/sh -c "'$PGBIN/initdb' -D '$PGROOT/data' -A trust -U postgres -E UTF8 >/dev/null && \
  '$PGBIN/pg_ctl' -D '$PGROOT/data' -w -l '$PGROOT/log' \
  -o \"-p $PGPORT -k $PGROOT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c max_connections=200\" start >/dev/null"
export PARTAGE_TEST_POSTGRES="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=postgres;Pooling=true"
export PARTAGE_CHROMIUM=/usr/bin/chromium
export PARTAGE_ARTIFACTS="$ROOT/artifacts"

# --- build once, then every layer -----------------------------------------------------------------
SUITE_START=$SECONDS
times=()
log "Building"
dotnet build Partage.slnx -c Release -nologo -clp:ErrorsOnly
times+=("build $((SECONDS - SUITE_START)) s")

# Two lines of layers run side by side, one per core: the slice tests (the longest layer) on one, the kernel, payroll
# and end-to-end layers after one another on the other (the browser waits much of its time). Each layer's output is
# kept in its own log and printed whole when both lines are done, so that the log reads one layer at a time.
run_layer() {
  local project=$1 name layer_start rc=0
  name=$(basename "$project")
  layer_start=$SECONDS
  dotnet test "$project" -c Release --no-build --nologo \
    --logger "trx;LogFileName=$name.trx" --results-directory "$RESULTS" > "$RESULTS/$name.log" 2>&1 || rc=1
  echo "$name $((SECONDS - layer_start)) s" > "$RESULTS/$name.time"
  return $rc
}

status=0
log "Testing Partage.Tests beside Partage.Kernel.Tests, Partage.Payroll.Tests then Partage.E2E"
( run_layer tests/Partage.Kernel.Tests; k=$?; run_layer tests/Partage.Payroll.Tests; p=$?; run_layer tests/Partage.E2E; e=$?; [ $k -eq 0 ] && [ $p -eq 0 ] && [ $e -eq 0 ] ) &
other_line=$!
run_layer tests/Partage.Tests || status=1
wait "$other_line" || status=1
for name in Partage.Kernel.Tests Partage.Payroll.Tests Partage.Tests Partage.E2E; do
  log "$name"
  cat "$RESULTS/$name.log" 2>/dev/null || echo "(no output: the layer did not run)"
  times+=("$(cat "$RESULTS/$name.time" 2>/dev/null || echo "$name not run")")
done

# --- one closing line over all layers, read from the TRX files ------------------------------------
passed=0; failed=0; skipped=0; total=0
for trx in "$RESULTS"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  num() { local v; v=$(echo "$counters" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"); echo "${v:-0}"; }
  total=$((total + $(num total)))
  passed=$((passed + $(num passed)))
  failed=$((failed + $(num failed) + $(num error) + $(num timeout) + $(num aborted)))
  skipped=$((skipped + $(num total) - $(num executed)))
done
echo
echo "Times: ${times[*]/%/;} total $((SECONDS - SUITE_START)) s (installing and starting PostgreSQL before that not counted)"
echo "$passed passed, $failed failed, $skipped skipped"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$skipped" -ne 0 ] || [ "$total" -eq 0 ]; then
  exit 1
fi
