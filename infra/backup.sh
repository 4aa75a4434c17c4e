#!/usr/bin/env bash
# Dumps the Filament database in pg_dump's custom format (restore with infra/restore.sh).
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: infra/backup.sh [-o FILE] [--url DATABASE_URL]

Writes a pg_dump custom-format archive (default: ./filament-<UTC timestamp>.dump, mode 0600).

Source database, first that applies:
  --url DATABASE_URL        a postgres:// (or jdbc:postgresql://) URL; needs pg_dump on this machine
  FILAMENT_DATABASE_URL     the same, taken from the environment
  (neither)                 the `postgres` service of infra/docker-compose.yml, via `docker compose exec`
                            (override the compose file with COMPOSE_FILE_PATH)

Options:
  -o, --output FILE         where to write the archive (never overwritten)
  -h, --help                this text
EOF
}

die() { echo "backup: $*" >&2; exit 1; }

# libpq takes postgres:// URLs with user/password in userinfo or as query parameters; a JDBC URL only needs its
# prefix removed (JDBC-only query parameters are not understood by pg_dump).
libpq_url() {
  local url=$1
  case "$url" in
    jdbc:postgresql://*) echo "postgresql://${url#jdbc:postgresql://}" ;;
    postgres://* | postgresql://*) echo "$url" ;;
    *) die "unsupported database URL scheme (expected postgres:// or jdbc:postgresql://)" ;;
  esac
}

# The URL without its credentials, for messages.
redacted() { sed -E 's#//[^@/]*@#//***@#; s#([?&]password=)[^&]*#\1***#' <<<"$1"; }

script_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
compose_file=${COMPOSE_FILE_PATH:-$script_dir/docker-compose.yml}
output=""
url=${FILAMENT_DATABASE_URL:-}

while [ $# -gt 0 ]; do
  case "$1" in
    -o | --output) [ $# -ge 2 ] || die "$1 needs a value"; output=$2; shift 2 ;;
    --url) [ $# -ge 2 ] || die "$1 needs a value"; url=$2; shift 2 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done

output=${output:-./filament-$(date -u +%Y%m%dT%H%M%SZ).dump}
[ -e "$output" ] && die "$output exists; choose another file with -o"

umask 077
partial="$output.partial"
trap 'rm -f "$partial"' EXIT

if [ -n "$url" ]; then
  command -v pg_dump >/dev/null 2>&1 || die "pg_dump not found (install the PostgreSQL client matching the server)"
  echo "backup: dumping $(redacted "$url")" >&2
  pg_dump --format=custom --dbname="$(libpq_url "$url")" --file="$partial"
else
  [ -f "$compose_file" ] || die "compose file not found: $compose_file"
  echo "backup: dumping the postgres service of $compose_file" >&2
  # The container's own POSTGRES_USER / POSTGRES_DB; local socket connections need no password.
  # shellcheck disable=SC2016 # expanded inside the container, not here
  docker compose -f "$compose_file" exec -T postgres \
    sh -c 'pg_dump --format=custom -U "$POSTGRES_USER" -d "$POSTGRES_DB"' >"$partial"
fi

# A custom-format archive starts with the magic bytes PGDMP; anything else is an error message or nothing.
[ "$(head -c 5 "$partial")" = "PGDMP" ] || die "the dump is not a pg_dump custom-format archive"
mv "$partial" "$output"
trap - EXIT
echo "backup: wrote $output ($(wc -c <"$output") bytes)" >&2
