#!/usr/bin/env bash
# Runs the whole test suite: the single command for developers and CI (.ci/run calls it).
#
#   bash tests/run.sh                          # everything
#   bash tests/run.sh --filter "FullyQualifiedName~Tickets"   # extra args go to each `dotnet test`
#
# On a fresh Debian 12 machine it installs what the tests need (apt: chromium,
# fonts-noto-cjk, postgresql, zbar-tools), starts a throwaway PostgreSQL cluster in a temp
# dir (removed on exit), builds HelpDesk.sln once in Release, runs every test project
# under tests/ (csproj with <IsTestProject>true</IsTestProject>) one after another, writes
# TRX files to TestResults/, and ends with one line: "N passed, N failed[, N skipped]".
# Exit status is non-zero when any project failed, any test failed, or nothing passed.
set -euo pipefail

REPO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$REPO_ROOT"

say() { printf '==> %s\n' "$*"; }
warn() { printf '==> WARNING: %s\n' "$*" >&2; }

# ---------------------------------------------------------------------------
# 1. System packages (installed only when missing)
# ---------------------------------------------------------------------------
SUDO=()
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
  fi
fi

pkg_installed() {
  dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'
}

pg_bin_dir() {
  # Highest installed PostgreSQL version that has initdb.
  local d best="" best_ver=-1 ver
  for d in /usr/lib/postgresql/*/bin; do
    [ -x "$d/initdb" ] || continue
    ver="$(basename "$(dirname "$d")")"
    ver="${ver%%.*}"
    case "$ver" in ''|*[!0-9]*) continue ;; esac
    if [ "$ver" -gt "$best_ver" ]; then best_ver="$ver"; best="$d"; fi
  done
  [ -n "$best" ] && printf '%s\n' "$best"
}

find_chromium() {
  if [ -n "${HELPDESK_CHROMIUM:-}" ] && [ -x "${HELPDESK_CHROMIUM}" ]; then
    printf '%s\n' "$HELPDESK_CHROMIUM"; return 0
  fi
  local c
  for c in /usr/bin/chromium chromium chromium-browser; do
    if command -v "$c" >/dev/null 2>&1; then command -v "$c"; return 0; fi
  done
  return 1
}

missing=()
find_chromium >/dev/null || missing+=(chromium)
pkg_installed fonts-noto-cjk || missing+=(fonts-noto-cjk)
pg_bin_dir >/dev/null || missing+=(postgresql)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)

if [ "${#missing[@]}" -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ] && [ "${#SUDO[@]}" -eq 0 ]; then
    echo "==> ERROR: missing packages (${missing[*]}) and not root, no sudo: install them first." >&2
    exit 1
  fi
  say "Installing: ${missing[*]}"
  "${SUDO[@]}" apt-get update -qq
  "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive \
    apt-get install -y --no-install-recommends "${missing[@]}"
else
  say "System packages present (chromium, fonts-noto-cjk, postgresql, zbar-tools)"
fi

PG_BIN="$(pg_bin_dir)" || { echo "==> ERROR: no PostgreSQL binaries in /usr/lib/postgresql/*/bin" >&2; exit 1; }
CHROMIUM="$(find_chromium)" || { echo "==> ERROR: chromium not found after install" >&2; exit 1; }

# ---------------------------------------------------------------------------
# 2. Throwaway PostgreSQL cluster
# ---------------------------------------------------------------------------
PG_DIR=""
PG_STARTED=0

if [ "$(id -u)" -eq 0 ]; then
  if ! id postgres >/dev/null 2>&1; then
    echo "==> ERROR: running as root but there is no 'postgres' user (initdb refuses root)" >&2
    exit 1
  fi
  if command -v runuser >/dev/null 2>&1; then
    as_pg() { runuser -u postgres -- "$@"; }
  else
    as_pg() { su -s /bin/sh postgres -c "$(printf '%q ' "$@")"; }
  fi
else
  as_pg() { "$@"; }
fi

cleanup() {
  local rc=$?
  if [ "$PG_STARTED" -eq 1 ]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate stop >/dev/null 2>&1 || true
  fi
  if [ -n "$PG_DIR" ] && [ -d "$PG_DIR" ]; then
    rm -rf -- "$PG_DIR"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

port_in_use() {
  local p=$1
  if command -v ss >/dev/null 2>&1; then
    ss -Hltn "sport = :$p" 2>/dev/null | grep -q . && return 0
  fi
  (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null && return 0
  return 1
}

PG_PORT=""
for p in $(seq 55432 55531); do
  if ! port_in_use "$p"; then PG_PORT=$p; break; fi
done
[ -n "$PG_PORT" ] || { echo "==> ERROR: no free port in 55432-55531 for PostgreSQL" >&2; exit 1; }

PG_DIR="$(mktemp -d "${TMPDIR:-/tmp}/helpdesk-pg.XXXXXX")"
chmod 755 "$PG_DIR"
if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$PG_DIR"; fi

PG_LOCALE=C
if locale -a 2>/dev/null | grep -qixE 'c\.utf-?8'; then PG_LOCALE=C.UTF-8; fi

say "Starting PostgreSQL $(basename "$(dirname "$PG_BIN")") on 127.0.0.1:$PG_PORT (data in $PG_DIR)"
if ! as_pg "$PG_BIN/initdb" -D "$PG_DIR/data" -U postgres --auth=trust -E UTF8 \
      --locale="$PG_LOCALE" >"$PG_DIR/initdb.log" 2>&1; then
  cat "$PG_DIR/initdb.log" >&2
  echo "==> ERROR: initdb failed" >&2
  exit 1
fi
if ! as_pg "$PG_BIN/pg_ctl" -D "$PG_DIR/data" \
      -o "-F -k $PG_DIR -p $PG_PORT -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      -l "$PG_DIR/pg.log" -w start >/dev/null; then
  tail -n 30 "$PG_DIR/pg.log" >&2 || true
  echo "==> ERROR: PostgreSQL did not start" >&2
  exit 1
fi
PG_STARTED=1

export HELPDESK_TEST_POSTGRES="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres;Pooling=true"
export HELPDESK_CHROMIUM="$CHROMIUM"
export DOTNET_CLI_TELEMETRY_OPTOUT=1
# Every test host watches its settings and static files; hundreds of hosts in one run exhaust the
# kernel's inotify instances (128 per user by default). Poll instead, and raise the limit if we may.
export DOTNET_USE_POLLING_FILE_WATCHER=true
export DOTNET_hostBuilder__reloadConfigOnChange=false
if [ -w /proc/sys/fs/inotify/max_user_instances ] && [ "$(cat /proc/sys/fs/inotify/max_user_instances)" -lt 1024 ]; then
  echo 1024 > /proc/sys/fs/inotify/max_user_instances || true
fi
export DOTNET_NOLOGO=1
export DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# MSBuild worker nodes would otherwise outlive the script (and can hold CI pipes open).
export MSBUILDDISABLENODEREUSE=1

# ---------------------------------------------------------------------------
# 3. Build once, then run each test project
# ---------------------------------------------------------------------------
RESULTS_DIR="$REPO_ROOT/TestResults"
mkdir -p "$RESULTS_DIR"

projects=()
while IFS= read -r f; do projects+=("$f"); done < <(
  # Fast suites first, browser suites last.
  find tests -name '*.csproj' -not -path '*/bin/*' -not -path '*/obj/*' -print0 \
    | xargs -0 -r grep -l '<IsTestProject>true</IsTestProject>' \
    | sort | awk '/Browser/ { late[++n] = $0; next } { print } END { for (i = 1; i <= n; i++) print late[i] }'
)
if [ "${#projects[@]}" -eq 0 ]; then
  echo "==> ERROR: no test projects under tests/"
  echo "0 passed, 1 failed"
  exit 1
fi

say "dotnet build HelpDesk.sln -c Release"
if ! dotnet build HelpDesk.sln -c Release; then
  echo "==> ERROR: build failed; no tests were run"
  echo "0 passed, 1 failed"
  exit 1
fi

names=()
codes=()
for proj in "${projects[@]}"; do
  name="$(basename "$proj" .csproj)"
  rm -f -- "$RESULTS_DIR/$name.trx"
  say "dotnet test $proj $*"
  rc=0
  dotnet test "$proj" -c Release --no-build \
    --logger "trx;LogFileName=$name.trx" \
    --results-directory "$RESULTS_DIR" \
    --logger "console;verbosity=normal" \
    "$@" || rc=$?
  names+=("$name")
  codes+=("$rc")
done

# ---------------------------------------------------------------------------
# 4. Summary from the TRX files
# ---------------------------------------------------------------------------
# Prints "total passed failed skipped" from a trx file's <ResultSummary><Counters .../>.
trx_counts() {
  local trx=$1
  if command -v python3 >/dev/null 2>&1 && python3 - "$trx" <<'PY' 2>/dev/null; then
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
c = next((e for e in root.iter() if e.tag.split('}')[-1] == 'Counters'), None)
if c is None:
    sys.exit(1)
g = lambda k: int(c.get(k, '0') or 0)
failed = g('failed') + g('error') + g('timeout') + g('aborted')
# xunit's skipped tests show as total - executed (notExecuted stays 0 in the Counters).
skipped = max(g('notExecuted') + g('notRunnable'), g('total') - g('executed'))
print(g('total'), g('passed'), failed, skipped)
PY
    return 0
  fi
  local line
  line="$(tr '\n' ' ' <"$trx" | grep -o '<Counters [^>]*>' | head -n 1)" || return 1
  [ -n "$line" ] || return 1
  attr() { printf '%s' "$line" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  local t x p f e to ab ne nr s
  t=$(attr total); x=$(attr executed); p=$(attr passed); f=$(attr failed); e=$(attr error)
  to=$(attr timeout); ab=$(attr aborted); ne=$(attr notExecuted); nr=$(attr notRunnable)
  s=$(( ${ne:-0} + ${nr:-0} ))
  if [ $(( ${t:-0} - ${x:-0} )) -gt "$s" ]; then s=$(( ${t:-0} - ${x:-0} )); fi
  echo "${t:-0} ${p:-0} $(( ${f:-0} + ${e:-0} + ${to:-0} + ${ab:-0} )) $s"
}

total_passed=0
total_failed=0
total_skipped=0
any_failed=0
notes=()
for i in "${!names[@]}"; do
  name=${names[$i]}
  rc=${codes[$i]}
  trx="$RESULTS_DIR/$name.trx"
  if [ ! -s "$trx" ] || ! counts="$(trx_counts "$trx")"; then
    notes+=("$name: no test results (dotnet test exit code $rc), counted as 1 failed")
    total_failed=$((total_failed + 1))
    any_failed=1
    continue
  fi
  read -r t p f s <<<"$counts"
  total_passed=$((total_passed + p))
  total_failed=$((total_failed + f))
  total_skipped=$((total_skipped + s))
  notes+=("$name: $p passed, $f failed, $s skipped (of $t; exit code $rc)")
  if [ "$f" -gt 0 ]; then
    any_failed=1
  elif [ "$rc" -ne 0 ]; then
    # Test host crashed or the run aborted without a failed test in the TRX.
    notes+=("$name: dotnet test exited with code $rc without a failed test in $trx, counted as 1 failed")
    total_failed=$((total_failed + 1))
    any_failed=1
  fi
done

echo
say "Results (TRX files in $RESULTS_DIR)"
for n in "${notes[@]}"; do echo "    $n"; done

if [ "$any_failed" -ne 0 ] && [ -f "$PG_DIR/pg.log" ]; then
  cp -f "$PG_DIR/pg.log" "$RESULTS_DIR/postgresql.log" 2>/dev/null || true
  echo
  say "PostgreSQL log: $PG_DIR/pg.log (copied to $RESULTS_DIR/postgresql.log; the temp dir is removed on exit); last 30 lines:"
  tail -n 30 "$PG_DIR/pg.log" || true
fi

status=0
if [ "$any_failed" -ne 0 ] || [ "$total_failed" -gt 0 ]; then status=1; fi
if [ "$total_passed" -eq 0 ]; then
  echo "==> No test passed."
  status=1
fi

summary="$total_passed passed, $total_failed failed"
if [ "$total_skipped" -gt 0 ]; then summary="$summary, $total_skipped skipped"; fi
echo "$summary"
exit "$status"
