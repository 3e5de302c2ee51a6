#!/usr/bin/env bash
# Installs Marsad as a systemd service.
#
# Builds `marsad` in release mode (the Swift runtime linked in statically, so the
# installed binary does not depend on where the toolchain lives), then installs:
#   PREFIX/lib/marsad/marsad and its resource bundles (the shipped taxonomy),
#   PREFIX/bin/marsad, a symbolic link to it,
#   the unit, the sysusers.d and tmpfiles.d snippets (under PREFIX/lib for the
#     prefixes systemd searches, /usr and /usr/local; under /etc otherwise),
#   /etc/marsad/marsad.yaml and /etc/marsad/taxonomy/, only where absent:
#     the configuration of an earlier install is never overwritten.
# Without DESTDIR it then creates the marsad user and the folders of
# /var/lib/marsad and reloads systemd. It neither enables nor starts the
# service: `systemctl enable --now marsad` does.
#
# Usage: systemd/install.sh [options]
#   --prefix DIR      install prefix (default: $PREFIX or /usr/local)
#   --destdir DIR     stage into DIR instead of / (default: $DESTDIR); nothing is run
#   --build-path DIR  SwiftPM scratch path (default: .build in the repository)
#   --no-build        install what --build-path already holds
#   --dynamic         link the Swift runtime dynamically (the binary then needs
#                     the toolchain's libraries at their current path)

set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
prefix=${PREFIX:-/usr/local}
destdir=${DESTDIR:-}
build_path="$repo/.build"
build=1
static=1
while [ $# -gt 0 ]; do
    case "$1" in
        --prefix) prefix=$2; shift 2 ;;
        --destdir) destdir=$2; shift 2 ;;
        --build-path) build_path=$2; shift 2 ;;
        --no-build) build=0; shift ;;
        --dynamic) static=0; shift ;;
        -h|--help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "install.sh: unknown argument: $1 (see --help)" >&2; exit 2 ;;
    esac
done
prefix=${prefix%/}
case "$prefix" in /*) ;; *) echo "install.sh: the prefix must be an absolute path: $prefix" >&2; exit 2 ;; esac
destdir=${destdir%/}

say() { printf 'install: %s\n' "$*"; }
die() { printf 'install.sh: %s\n' "$*" >&2; exit 1; }

if [ -z "$destdir" ] && [ "$(id -u)" != 0 ]; then
    die "run as root (sudo), or stage with --destdir DIR"
fi

. "$(dirname "$0")/layout.sh"
bin_dir="$prefix/bin"
config_dir=/etc/marsad

if [ "$build" = 1 ]; then
    command -v swift >/dev/null || die "no swift on PATH: install the Swift toolchain, or use --no-build"
    flags=(-c release --product marsad --scratch-path "$build_path")
    [ "$static" = 1 ] && flags+=(--static-swift-stdlib)
    say "building: swift build ${flags[*]}"
    (cd "$repo" && swift build "${flags[@]}") || die "the build failed"
fi
release="$build_path/release"
[ -x "$release/marsad" ] || die "no built marsad in $release (build first, or drop --no-build)"
# A dynamically linked binary loads the Swift runtime from the toolchain; the
# unit's ProtectHome=yes hides toolchains installed under a home folder.
swift_runtime=$(ldd "$release/marsad" 2>/dev/null | awk '/libswiftCore\.so/ { print $3 }')
case "$swift_runtime" in
    /home/*|/root/*) die "marsad loads the Swift runtime from ${swift_runtime%/*}, which the service cannot see (ProtectHome=yes); build with --static-swift-stdlib (the default without --no-build)" ;;
    /*) say "note: marsad is linked to the Swift runtime in ${swift_runtime%/*}; keep that toolchain installed" ;;
esac

say "binary and resources -> $destdir$lib_dir"
install -d -m 0755 "$destdir$lib_dir" "$destdir$bin_dir"
install -m 0755 "$release/marsad" "$destdir$lib_dir/marsad.new"
mv -f "$destdir$lib_dir/marsad.new" "$destdir$lib_dir/marsad"
# Bundle.module finds resource bundles beside the executable it resolves.
shopt -s nullglob
for bundle in "$release"/*.resources; do
    name=$(basename "$bundle")
    rm -rf "$destdir$lib_dir/$name"
    cp -R "$bundle" "$destdir$lib_dir/$name"
    chmod -R u=rwX,go=rX "$destdir$lib_dir/$name"
done
shopt -u nullglob
ln -sfn "$lib_dir/marsad" "$destdir$bin_dir/marsad"

say "unit -> $destdir$unit_dir/marsad.service"
install -d -m 0755 "$destdir$unit_dir" "$destdir$sysusers_dir" "$destdir$tmpfiles_dir"
sed "s|^ExecStart=/usr/local/bin/marsad |ExecStart=$bin_dir/marsad |" "$repo/systemd/marsad.service" \
    >"$destdir$unit_dir/marsad.service"
chmod 0644 "$destdir$unit_dir/marsad.service"
install -m 0644 "$repo/systemd/marsad.sysusers" "$destdir$sysusers_dir/marsad.conf"
install -m 0644 "$repo/systemd/marsad.tmpfiles" "$destdir$tmpfiles_dir/marsad.conf"

install -d -m 0755 "$destdir$config_dir"
if [ -e "$destdir$config_dir/marsad.yaml" ]; then
    say "keeping the existing $config_dir/marsad.yaml"
else
    say "configuration -> $destdir$config_dir/marsad.yaml"
    install -m 0644 "$repo/systemd/marsad.yaml" "$destdir$config_dir/marsad.yaml"
fi
if [ -e "$destdir$config_dir/taxonomy" ]; then
    say "keeping the existing $config_dir/taxonomy"
else
    # The copy inside the built bundle matches the binary; the source tree may be newer.
    shipped=$(ls -d "$release"/*_MarsadTagging.resources/Taxonomy 2>/dev/null | head -n 1)
    [ -n "$shipped" ] || shipped="$repo/Sources/MarsadTagging/Taxonomy"
    say "taxonomy -> $destdir$config_dir/taxonomy"
    cp -R "$shipped" "$destdir$config_dir/taxonomy"
    chmod -R u=rwX,go=rX "$destdir$config_dir/taxonomy"
fi

# The installed binary must find its shipped taxonomy from any folder.
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'اختبار\n\nنص قصير للتحقق من أن البرنامج المثبت يعمل.\n' >"$probe/probe.txt"
installed="$destdir$lib_dir/marsad"
[ -z "$destdir" ] && installed="$bin_dir/marsad"
(cd / && "$installed" process "$probe/probe.txt" >"$probe/out.json" 2>"$probe/err.txt") \
    || die "the installed binary does not run: $(cat "$probe/err.txt")"
grep -q '"status":"ok"' "$probe/out.json" \
    || die "the installed binary did not process a test article: $(cat "$probe/out.json" "$probe/err.txt")"

if [ -n "$destdir" ]; then
    say "staged in $destdir; on the target run: systemd-sysusers; systemd-tmpfiles --create marsad.conf; systemctl daemon-reload"
    exit 0
fi

command -v systemd-sysusers >/dev/null && systemd-sysusers "$sysusers_dir/marsad.conf"
getent passwd marsad >/dev/null || die "the marsad user was not created (no systemd-sysusers?)"
command -v systemd-tmpfiles >/dev/null && systemd-tmpfiles --create "$tmpfiles_dir/marsad.conf"
if [ -d /run/systemd/system ]; then
    systemctl daemon-reload
    say "done. Start it with: systemctl enable --now marsad"
else
    say "done (systemd is not running here: the unit takes effect at its next start)"
fi
say "let a user drop files and read digests: usermod -aG marsad USER (then log in again)"
