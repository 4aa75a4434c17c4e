#!/usr/bin/env bash
# Restores a custom-format dump made by infra/backup.sh, replacing the objects it contains in the target database.
set -euo pipefail

confirm_flag="--yes-replace-database"

usage() {
  cat <<EOF
Usage: infra/restore.sh $confirm_flag [--url DATABASE_URL] DUMP_FILE

Runs pg_restore --clean --if-exists --no-owner --single-transaction: every object of the dump is dropped (if it
exists) and recreated with the dump's data, all in one transaction, so a failed restore changes nothing. The target
should be the Filament database or an empty one.

Target database, first that applies:
  --url DATABASE_URL        a postgres:// (or jdbc:postgresql://) URL; needs pg_restore on this machine.
                            Stop every Filament server using it first.
  FILAMENT_DATABASE_URL     the same, taken from the environment
  (neither)                 the \`postgres\` service of infra/docker-compose.yml, via \`docker compose exec\`; the
                            filament-server service is stopped during the restore and started again afterwards
                            (override the compose file with COMPOSE_FILE_PATH)

Options:
  $confirm_flag   required: confirms that the target's current data may be replaced
  -h, --help                this text
EOF
}

die() { echo "restore: $*" >&2; exit 1; }

libpq_url() {
  local url=$1
  case "$url" in
    jdbc:postgresql://*) echo "postgresql://${url#jdbc:postgresql://}" ;;
    postgres://* | postgresql://*) echo "$url" ;;
    *) die "unsupported database URL scheme (expected postgres:// or jdbc:postgresql://)" ;;
  esac
}

redacted() { sed -E 's#//[^@/]*@#//***@#; s#([?&]password=)[^&]*#\1***#' <<<"$1"; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
compose_file=${COMPOSE_FILE_PATH:-$script_dir/docker-compose.yml}
confirmed=false
url=${FILAMENT_DATABASE_URL:-}
dump=""

while [ $# -gt 0 ]; do
  case "$1" in
    "$confirm_flag") confirmed=true; shift ;;
    --url) [ $# -ge 2 ] || die "$1 needs a value"; url=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option: $1" ;;
    *) [ -z "$dump" ] || die "only one dump file"; dump=$1; shift ;;
  esac
done

[ -n "$dump" ] || { usage >&2; die "no dump file given"; }
[ -f "$dump" ] || die "dump file not found: $dump"
[ "$(head -c 5 "$dump")" = "PGDMP" ] || die "$dump is not a pg_dump custom-format archive"
$confirmed || { usage >&2; die "refusing to restore without $confirm_flag"; }

if [ -n "$url" ]; then
  command -v pg_restore >/dev/null 2>&1 || die "pg_restore not found (install the PostgreSQL client matching the server)"
  echo "restore: restoring $dump into $(redacted "$url")" >&2
  pg_restore --clean --if-exists --no-owner --single-transaction --dbname="$(libpq_url "$url")" "$dump"
else
  [ -f "$compose_file" ] || die "compose file not found: $compose_file"
  compose=(docker compose -f "$compose_file")
  echo "restore: stopping filament-server, restoring $dump into the postgres service of $compose_file" >&2
  "${compose[@]}" stop filament-server
  # shellcheck disable=SC2016 # expanded inside the container, not here
  if ! "${compose[@]}" exec -T postgres sh -c \
      'pg_restore --clean --if-exists --no-owner --single-transaction -U "$POSTGRES_USER" -d "$POSTGRES_DB"' <"$dump"; then
    echo "restore: pg_restore failed; the database is unchanged. filament-server stays stopped." >&2
    exit 1
  fi
  "${compose[@]}" start filament-server
fi
echo "restore: done" >&2
