#!/usr/bin/env bash
# Removes what systemd/install.sh installed: stops and disables the service,
# removes the binary, its resources, the unit and the sysusers.d/tmpfiles.d
# snippets. The configuration (/etc/marsad), the data (/var/lib/marsad: inbox,
# archive, failed files, database, digests) and the marsad user are kept,
# unless --purge is given.
#
# Usage: systemd/uninstall.sh [--prefix DIR] [--destdir DIR] [--purge]
#   --prefix DIR   the prefix given to install.sh (default: $PREFIX or /usr/local)
#   --destdir DIR  remove from a staging folder (default: $DESTDIR)
#   --purge        also delete /etc/marsad, /var/lib/marsad and the marsad user and group

set -euo pipefail

prefix=${PREFIX:-/usr/local}
destdir=${DESTDIR:-}
purge=0
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --destdir) destdir=$2; shift 2 ;;
        --purge) purge=1; shift ;;
        -h|--help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "uninstall.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
prefix=${prefix%/}
destdir=${destdir%/}
case "$prefix" in /*) ;; *) echo "uninstall.sh: the prefix must be an absolute path: $prefix" >&2; exit 2 ;; esac

say() { printf 'uninstall: %s\n' "$*"; }

if [ -z "$destdir" ] && [ "$(id -u)" != 0 ]; then
    echo "uninstall.sh: run as root (sudo), or give --destdir DIR" >&2
    exit 1
fi

. "$(dirname "$0")/layout.sh"

systemd_running=0
[ -z "$destdir" ] && [ -d /run/systemd/system ] && systemd_running=1
if [ "$systemd_running" = 1 ] && systemctl cat marsad.service >/dev/null 2>&1; then
    say "stopping and disabling marsad.service"
    systemctl disable --now marsad.service || true
fi

say "removing the binary, its resources, the unit and the snippets"
# The link only when it is ours.
if [ -L "$destdir$prefix/bin/marsad" ] && [ "$(readlink "$destdir$prefix/bin/marsad")" = "$prefix/lib/marsad/marsad" ]; then
    rm -f "$destdir$prefix/bin/marsad"
fi
rm -rf "$destdir$prefix/lib/marsad"
rm -f "$destdir$unit_dir/marsad.service" "$destdir$sysusers_dir/marsad.conf" "$destdir$tmpfiles_dir/marsad.conf"
rm -rf "$destdir/etc/systemd/system/marsad.service.d"
[ "$systemd_running" = 1 ] && systemctl daemon-reload

if [ "$purge" = 1 ]; then
    say "purging /etc/marsad, /var/lib/marsad and the marsad user"
    rm -rf "$destdir/etc/marsad" "$destdir/var/lib/marsad"
    if [ -z "$destdir" ]; then
        if getent passwd marsad >/dev/null; then userdel marsad 2>/dev/null || say "could not remove the user marsad"; fi
        if getent group marsad >/dev/null; then groupdel marsad 2>/dev/null || say "could not remove the group marsad"; fi
    fi
else
    say "kept /etc/marsad, /var/lib/marsad and the marsad user (--purge removes them)"
fi
