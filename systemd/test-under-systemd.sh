#!/usr/bin/env bash
# Tests systemd/marsad.service under a real systemd.
#
# systemd runs as PID 1 of private PID, mount, cgroup, network, UTS and IPC
# namespaces, in a root that is a copy-on-write overlay of the host's root with
# its writable layer in memory, so nothing the test installs or changes (binary,
# unit, system user, /tmp, data) reaches the host. There the
# script installs Marsad with install.sh, starts the unit and checks readiness,
# STATUS=, ingest of dropped files, reload, journal priorities, the hardening
# and a clean stop.
#
# Exit status: 0 when every check passes, or with a "SKIP: ..." line when this
# machine cannot run systemd in a namespace; 1 with a "FAIL: ..." line otherwise.
#
# Usage: systemd/test-under-systemd.sh [--build-path DIR] [--seeds DIR] [--harness-only] [--keep]
#   --build-path DIR  a SwiftPM scratch path whose release/ already holds marsad
#                     (default: build it with `swift build -c release` in .build)
#   --seeds DIR       the article files to drop (default: ../shared/seeds beside the repo;
#                     generated articles when absent)
#   --harness-only    boot systemd and run a trivial Type=notify unit, without Marsad
#   --keep            leave the namespace running and print how to enter it

set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
build_path=""
seeds_dir="$repo/../shared/seeds"
harness_only=0
keep=0
while [ $# -gt 0 ]; do
    case "$1" in
        --build-path) build_path=$2; shift 2 ;;
        --seeds) seeds_dir=$2; shift 2 ;;
        --harness-only) harness_only=1; shift ;;
        --keep) keep=1; shift ;;
        -h|--help) sed -n '2,/^$/p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
        *) echo "unknown argument: $1" >&2; exit 2 ;;
    esac
done

say() { printf '== %s\n' "$*"; }
skip() { printf 'SKIP: %s\n' "$*"; exit 0; }

# ---------------------------------------------------------------- preflight
[ "$(uname -s)" = Linux ] || skip "systemd needs Linux"
[ "$(id -u)" = 0 ] || skip "needs root to create namespaces and mounts (run with sudo)"
systemd_binary=""
for candidate in /lib/systemd/systemd /usr/lib/systemd/systemd; do
    [ -x "$candidate" ] && { systemd_binary=$candidate; break; }
done
[ -n "$systemd_binary" ] || skip "no systemd binary (install Debian's systemd package)"
for tool in unshare nsenter systemctl journalctl mount timeout; do
    command -v "$tool" >/dev/null || skip "no '$tool' on PATH"
done
grep -qw overlay /proc/filesystems || modprobe overlay 2>/dev/null || true
grep -qw overlay /proc/filesystems || skip "the kernel has no overlay file system"
unshare --pid --fork --mount --cgroup --net --uts --ipc true 2>/dev/null \
    || skip "cannot create PID/mount/cgroup namespaces here (container without CAP_SYS_ADMIN?)"

# A cgroup v2 hierarchy where a private subtree can be made for the namespace.
if [ "$(stat -fc %T /sys/fs/cgroup 2>/dev/null)" = cgroup2fs ]; then
    cgroup_root=/sys/fs/cgroup
elif [ "$(stat -fc %T /sys/fs/cgroup/unified 2>/dev/null)" = cgroup2fs ]; then
    cgroup_root=/sys/fs/cgroup/unified
else
    skip "no cgroup v2 hierarchy mounted at /sys/fs/cgroup or /sys/fs/cgroup/unified"
fi

# ---------------------------------------------------------------- state and cleanup
work=$(mktemp -d /tmp/marsad-systemd-test.XXXXXX)
cgroup="$cgroup_root/marsad-systemd-test.$$"
namespace_runner=""  # the unshare process on the host
init_pid=""          # systemd, PID 1 inside, as the host sees it
failed=0

in_namespace() {
    nsenter --target "$init_pid" --mount --pid --cgroup --net --uts --ipc -- "$@"
}

remove_cgroup() {
    [ -d "$cgroup" ] || return 0
    local attempt
    for attempt in $(seq 1 50); do
        find "$cgroup" -depth -type d -exec rmdir {} + 2>/dev/null || true
        [ -d "$cgroup" ] || return 0
        sleep 0.1
    done
    echo "warning: could not remove $cgroup" >&2
}

cleanup() {
    local status=$?
    if [ "$keep" = 1 ] && [ -n "$init_pid" ] && kill -0 "$init_pid" 2>/dev/null; then
        echo "kept: enter with: nsenter --target $init_pid --mount --pid --cgroup --net --uts --ipc"
        echo "kept: stop with: kill -KILL $init_pid; then remove $work and $cgroup"
        return "$status"
    fi
    if [ -n "$init_pid" ] && kill -0 "$init_pid" 2>/dev/null; then
        # SIGRTMIN+4 asks a containerised systemd to power off, which ends it.
        kill -s RTMIN+4 "$init_pid" 2>/dev/null || true
        for _ in $(seq 1 100); do kill -0 "$init_pid" 2>/dev/null || break; sleep 0.1; done
        # PID 1 ending takes every process of the namespace with it.
        kill -KILL "$init_pid" 2>/dev/null || true
    fi
    if [ -n "$namespace_runner" ]; then
        kill -KILL "$namespace_runner" 2>/dev/null || true
        wait "$namespace_runner" 2>/dev/null || true
    fi
    remove_cgroup
    rm -rf "$work"
    return "$status"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

diagnose() {
    [ -n "$init_pid" ] && kill -0 "$init_pid" 2>/dev/null || { tail -n 40 "$work/systemd.log" 2>/dev/null; return 0; }
    echo "---- systemctl status marsad" >&2
    in_namespace systemctl --no-pager --full status marsad 2>&1 | head -n 30 >&2 || true
    echo "---- journal (last 60 lines)" >&2
    in_namespace journalctl --no-pager -o short-monotonic -n 60 2>&1 >&2 || true
}

fail() {
    printf 'FAIL: %s\n' "$*" >&2
    diagnose
    exit 1
}

# wait_until SECONDS DESCRIPTION COMMAND...: polls COMMAND every 0.1 s.
wait_until() {
    local seconds=$1 what=$2; shift 2
    local deadline=$(( $(date +%s%N) + seconds * 1000000000 ))
    until "$@" >/dev/null 2>&1; do
        [ "$(date +%s%N)" -lt "$deadline" ] || fail "timed out after ${seconds}s waiting for: $what"
        sleep 0.1
    done
}

check() {  # check DESCRIPTION COMMAND...
    local what=$1; shift
    if "$@"; then printf 'ok   %s\n' "$what"; else fail "$what"; fi
}

# ---------------------------------------------------------------- the binary
if [ "$harness_only" = 0 ]; then
    if [ -z "$build_path" ]; then
        build_path="$repo/.build"
        say "building marsad (release)"
        (cd "$repo" && swift build -c release --product marsad --scratch-path "$build_path" 2>&1 | tail -n 3) \
            || fail "release build failed"
    fi
    [ -x "$build_path/release/marsad" ] || fail "no marsad in $build_path/release"
fi

# ---------------------------------------------------------------- boot systemd
say "booting systemd in a namespace (work folder $work)"
mkdir -p "$cgroup"

# Units that would reach outside the namespace (kernel modules, sysctl, udev,
# the clock, binfmt) or start the host's own services, masked for this boot only.
masked="systemd-udevd.service systemd-udevd-control.socket systemd-udevd-kernel.socket
systemd-udev-trigger.service systemd-udev-settle.service systemd-hwdb-update.service
systemd-modules-load.service kmod-static-nodes.service systemd-sysctl.service
systemd-binfmt.service proc-sys-fs-binfmt_misc.automount proc-sys-fs-binfmt_misc.mount
sys-kernel-config.mount sys-kernel-debug.mount sys-kernel-tracing.mount
sys-fs-fuse-connections.mount dev-hugepages.mount systemd-firstboot.service
systemd-repart.service systemd-machine-id-commit.service systemd-random-seed.service
systemd-pcrphase.service systemd-pcrphase-sysinit.service systemd-remount-fs.service
systemd-fsck-root.service systemd-timesyncd.service systemd-pstore.service
systemd-ask-password-console.path systemd-ask-password-wall.path
systemd-logind.service getty.target tmp.mount swap.target"
for wants in /etc/systemd/system/*.wants/* /lib/systemd/system/timers.target.wants/*; do
    [ -e "$wants" ] || [ -L "$wants" ] || continue
    case "$(basename "$wants")" in systemd-journald*|systemd-tmpfiles*|systemd-sysusers*) continue ;; esac
    masked="$masked $(basename "$wants")"
done

cat >"$work/setup-namespace.sh" <<'SETUP'
#!/bin/sh
# Runs as PID 1 of the new namespaces, builds a private root, then becomes systemd.
set -eu
work=$1; systemd_binary=$2; shift 2
mount --make-rprivate /
# The new root: the host's root file system under a copy-on-write overlay whose
# writable layer is a tmpfs of this namespace, so nothing written in there
# (installed files, the system user, /tmp, the journal) reaches the host.
root="$work/root"; layer="$work/layer"
mkdir -p "$root" "$layer"
mount -t tmpfs -o mode=0755,size=4g tmpfs "$layer"
mkdir -p "$layer/upper" "$layer/work"
mount -t overlay overlay -o "lowerdir=/,upperdir=$layer/upper,workdir=$layer/work" "$root"
mount -t proc -o nosuid,nodev,noexec proc "$root/proc"
# Kernel settings stay the host's: systemd skips what needs them writable.
mount --bind "$root/proc/sys" "$root/proc/sys" && mount -o remount,bind,ro "$root/proc/sys"
mount -t sysfs -o ro,nosuid,nodev,noexec sysfs "$root/sys"
# A cgroup2 file system rooted at this namespace's own cgroup.
mount -t cgroup2 -o nosuid,nodev,noexec cgroup2 "$root/sys/fs/cgroup"
mount -t tmpfs -o mode=0755,nosuid,nodev tmpfs "$root/run"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/tmp"
# A private /dev with the usual nodes.
mount -t tmpfs -o mode=0755,nosuid tmpfs "$root/dev"
for node in null:1:3 zero:1:5 full:1:7 random:1:8 urandom:1:9 tty:5:0; do
    name=${node%%:*}; numbers=${node#*:}
    mknod -m 0666 "$root/dev/$name" c "${numbers%:*}" "${numbers#*:}"
done
mkdir -m 0755 "$root/dev/pts" "$root/dev/mqueue"
mkdir -m 1777 "$root/dev/shm"
mount -t devpts -o newinstance,ptmxmode=0666,mode=0620 devpts "$root/dev/pts"
mount -t tmpfs -o mode=1777,nosuid,nodev tmpfs "$root/dev/shm"
ln -s pts/ptmx "$root/dev/ptmx"
ln -s /proc/self/fd "$root/dev/fd"
ln -s /proc/self/fd/0 "$root/dev/stdin"
ln -s /proc/self/fd/1 "$root/dev/stdout"
ln -s /proc/self/fd/2 "$root/dev/stderr"
# What the test reads from the host, read-only at the same paths.
while read -r shared; do
    [ -n "$shared" ] && [ -e "$shared" ] || continue
    mkdir -p "$root$shared"
    mount --bind "$shared" "$root$shared" && mount -o remount,bind,ro "$root$shared"
done <"$work/shared-paths"
# Runtime masks and the test's units, read by systemd at boot.
mkdir -p "$root/run/systemd/system"
for unit in $(cat "$work/masked"); do ln -sf /dev/null "$root/run/systemd/system/$unit"; done
if [ -d "$work/units" ]; then cp "$work/units/"* "$root/run/systemd/system/"; fi
cd "$root"
mkdir -p .host-root
pivot_root . .host-root
umount -l /.host-root
rmdir /.host-root
cd /
exec env -i container=marsad-test PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    "$systemd_binary" --system --unit=basic.target --log-target=console --log-color=no --show-status=no
SETUP
echo "$masked" | tr ' ' '\n' | sed '/^$/d' | sort -u >"$work/masked"
printf '%s\n' "$repo" "$(cd "$seeds_dir" 2>/dev/null && pwd)" "${build_path:+$(cd "$build_path" && pwd)}" >"$work/shared-paths"

if [ "$harness_only" = 1 ]; then
    mkdir -p "$work/units"
    # The same protocol and hardening as marsad.service, with systemd-notify as the daemon.
    cat >"$work/units/harness-check.service" <<'UNIT'
[Unit]
Description=Harness check: a Type=notify service under hardening
[Service]
Type=notify
NotifyAccess=all
ExecStart=/bin/sh -c 'systemd-notify --ready --status="harness ready"; exec sleep infinity'
DynamicUser=yes
ProtectSystem=strict
ProtectHome=yes
PrivateTmp=yes
PrivateDevices=yes
PrivateNetwork=yes
NoNewPrivileges=yes
RestrictAddressFamilies=AF_UNIX
SystemCallFilter=@system-service
MemoryDenyWriteExecute=yes
UNIT
fi

# The namespace's init joins the private cgroup before unsharing, so that its
# cgroup namespace (and systemd's whole tree) is rooted there.
setsid bash -c 'echo $$ >"$1/cgroup.procs" && shift && exec "$@"' _ "$cgroup" \
    unshare --fork --pid --mount --mount-proc --cgroup --net --uts --ipc --propagation private \
    sh "$work/setup-namespace.sh" "$work" "$systemd_binary" \
    </dev/null >"$work/systemd.log" 2>&1 &
namespace_runner=$!

# systemd is the runner's only child.
for _ in $(seq 1 50); do
    init_pid=$(cat "/proc/$namespace_runner/task/$namespace_runner/children" 2>/dev/null | awk '{print $1}')
    [ -n "$init_pid" ] && break
    kill -0 "$namespace_runner" 2>/dev/null || break
    sleep 0.1
done
[ -n "$init_pid" ] || { cat "$work/systemd.log" >&2; fail "the namespace did not start"; }

wait_until 30 "systemd's private bus socket" in_namespace test -S /run/systemd/private
boot_state=$(in_namespace timeout 60 systemctl is-system-running --wait 2>/dev/null || true)
case "$boot_state" in
    running) say "systemd booted: $boot_state" ;;
    degraded)
        say "systemd booted: degraded (failed units below do not concern the test)"
        in_namespace systemctl --no-pager --failed --plain --no-legend || true ;;
    *) fail "systemd did not finish booting (state: ${boot_state:-none})" ;;
esac

if [ "$harness_only" = 1 ]; then
    in_namespace timeout 20 systemctl start harness-check.service || fail "harness-check.service did not start"
    check "harness unit active" test "$(in_namespace systemctl is-active harness-check.service)" = active
    check "harness STATUS= reaches systemd" \
        test "$(in_namespace systemctl show -P StatusText harness-check.service)" = "harness ready"
    in_namespace timeout 20 systemctl stop harness-check.service || fail "harness-check.service did not stop"
    echo "PASS: systemd runs in a namespace here"
    exit 0
fi
