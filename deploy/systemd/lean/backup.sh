#!/bin/sh
# One backup of the database into the backups folder, keeping the newest N: what dmarket-aspire-backup.service runs
# daily (its timer) in lean mode, and what to run by hand before an update. Restore: README, "Lean mode".
#   backup.sh [keep=7] [folder=/var/lib/dmarket-aspire/backups]
set -eu
keep=${1:-7}
folder=${2:-/var/lib/dmarket-aspire/backups}
mkdir -p "$folder"
file="$folder/dmarketdb-$(date -u +%Y%m%d-%H%M%S).dump"
# Written aside and renamed, so that a backup cut short never counts as one of the N kept.
pg_dump --format=custom --no-owner --host="${PGHOST:-/var/run/postgresql}" --dbname=dmarketdb --file="$file.partial"
mv "$file.partial" "$file"
ls -1t "$folder"/dmarketdb-*.dump | tail -n +$((keep + 1)) | xargs -r rm --
echo "backed up to $file"
