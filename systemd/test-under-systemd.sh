#!/usr/bin/env bash
# Tests systemd/marsad.service under a real systemd.
#
# systemd runs as PID 1 of private PID, mount, cgroup, network, UTS and IPC
# namespaces, in a root that is a copy-on-write overlay of the host's root with
# its writable layer in memory, so nothing the test installs or changes (binary,
# unit, system user, /tmp, data) reaches the host. There the script installs
# Marsad with install.sh and checks: systemd-analyze verify; enable and start
# (READY=1 within 2 s); `systemctl status` with the daemon's STATUS= text; the
# sandbox (user, capabilities, seccomp); files dropped by a member of the marsad
# group recorded, archived and digested; a bad file in failed/ with its sidecar;
# reload picking up a new topic file; the journal's priorities; watchdog pings;
# restart after SIGKILL; stop under load and idle (exit 0 within 5 s) with every
# file accounted for; under WatchdogSec=5s a 19 MiB article and a 10 MB one-line
# article read without a watchdog kill, and a file in processing/ at two deaths
# in a row set aside in failed/ while the service stays active; uninstall and purge.
#
# Exit status: 0 when every check passes, or with a "SKIP: ..." line when this
# machine cannot run systemd in a namespace; 1 with a "FAIL: ..." line otherwise.
#
# Usage: systemd/test-under-systemd.sh [--build-path DIR] [--seeds DIR] [--harness-only] [--keep]
#   --build-path DIR  a SwiftPM scratch path whose release/ already holds marsad
#                     (default: build it with `swift build -c release` in .build-systemd,
#                     a scratch path of its own, so that the static build the README
#                     installs from .build is never rebuilt over)
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
    set +e
    [ -n "${timer:-}" ] && kill "$timer" 2>/dev/null
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
        build_path="$repo/.build-systemd"
        say "building marsad (release) in $build_path"
        (cd "$repo" && swift build -c release --product marsad --scratch-path "$build_path" 2>&1 | tail -n 3) \
            || fail "release build failed"
    fi
    [ -x "$build_path/release/marsad" ] || fail "no marsad in $build_path/release"
    # A binary linked against the toolchain's Swift runtime needs that folder in the namespace.
    swift_runtime=$(ldd "$build_path/release/marsad" 2>/dev/null | awk '/libswiftCore\.so/ { print $3 }')
    swift_runtime=${swift_runtime%/*}
    case "$swift_runtime" in
        /home/*|/root/*|/run/user/*)
            fail "marsad loads the Swift runtime from $swift_runtime, which the unit's ProtectHome=yes hides; build it with --static-swift-stdlib (install.sh's default) and pass --build-path" ;;
    esac
fi

# ---------------------------------------------------------------- boot systemd
# A bound on the whole run, on top of the timeout of every wait.
time_limit=${MARSAD_TEST_TIME_LIMIT:-600}
(
    sleep "$time_limit" & sleeper=$!
    trap 'kill $sleeper 2>/dev/null; exit 0' TERM
    wait "$sleeper"
    echo "FAIL: the test ran over ${time_limit}s" >&2
    kill -TERM $$ 2>/dev/null
) &
timer=$!
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
printf '%s\n' "$repo" "$(cd "$seeds_dir" 2>/dev/null && pwd)" "${build_path:+$(cd "$build_path" && pwd)}" \
    "${swift_runtime:-}" >"$work/shared-paths"

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

# ---------------------------------------------------------------- install
# The acceptance bound for READY=1; raise it on a very slow machine.
ready_limit_ms=${MARSAD_READY_LIMIT_MS:-2000}
config=/etc/marsad/marsad.yaml
state=/var/lib/marsad
say "installing with systemd/install.sh"
in_namespace timeout 300 "$repo/systemd/install.sh" --no-build --build-path "$build_path" >"$work/install.log" 2>&1 \
    || { cat "$work/install.log" >&2; fail "install.sh failed"; }
sed 's/^/   /' "$work/install.log"
check "the marsad user and group exist" in_namespace getent passwd marsad
check "the unit is known to systemd" in_namespace systemctl cat marsad.service >/dev/null
verify_output=$(in_namespace systemd-analyze verify marsad.service 2>&1 || echo "(exit status $?)")
check "systemd-analyze verify finds nothing to say${verify_output:+: $verify_output}" test -z "$verify_output"
check "the inbox is a setgid folder writable by the marsad group" \
    test "$(in_namespace stat -c '%a %U %G' "$state/inbox")" = "2770 marsad marsad"
check "the installed binary runs from another folder" in_namespace sh -c 'cd / && marsad help >/dev/null'

marsad_status() {  # marsad_status FIELD: a number from `marsad status --json`, run as the service user
    in_namespace runuser -u marsad -- marsad status --json --config "$config" 2>/dev/null \
        | sed -n "s/^ *\"$1\" *: *\([0-9][0-9]*\).*/\1/p"
}
main_pid() { in_namespace systemctl show -P MainPID marsad.service; }
unit_property() { in_namespace systemctl show -P "$1" marsad.service; }
journal() { in_namespace journalctl --no-pager -u marsad.service "$@"; }
milliseconds() { echo $(( $(date +%s%N) / 1000000 )); }

# ---------------------------------------------------------------- start
say "enabling and starting marsad.service"
in_namespace systemctl enable marsad.service 2>&1 | sed 's/^/   /'
check "enabled" test "$(in_namespace systemctl is-enabled marsad.service)" = enabled
started=$(milliseconds)
in_namespace timeout 60 systemctl start marsad.service || fail "systemctl start marsad failed"
start_ms=$(( $(milliseconds) - started ))
check "started (READY=1 received) in $start_ms ms, within ${ready_limit_ms} ms" test "$start_ms" -le "$ready_limit_ms"
status_text=$(in_namespace systemctl --no-pager status marsad.service 2>&1 || true)
echo "$status_text" | sed -n '1,6p' | sed 's/^/   /'
check "systemctl status shows active (running)" grep -q 'Active: active (running)' <<<"$status_text"
check "systemctl status shows the daemon's STATUS= text" grep -q 'Status: "queue ' <<<"$status_text"

pid=$(main_pid)
[ -n "$pid" ] && [ "$pid" != 0 ] || fail "no main PID"
proc_status=$(in_namespace cat "/proc/$pid/status")
field() { awk -v key="$1:" '$1 == key { print $2 }' <<<"$proc_status"; }
check "runs as the marsad user" test "$(field Uid)" = "$(in_namespace id -u marsad)"
check "runs without capabilities" test "$(field CapEff)" = 0000000000000000
check "runs with no_new_privs" test "$(field NoNewPrivs)" = 1
check "runs under a seccomp filter" test "$(field Seccomp)" = 2
check "the watchdog is armed" test "$(unit_property WatchdogUSec)" = 30s

# ---------------------------------------------------------------- drop files
say "dropping article files into the inbox as a member of the marsad group"
in_namespace useradd --create-home --groups marsad reporter
in_namespace install -d -m 0755 /tmp/articles
drop_count=0
if [ -d "$seeds_dir" ] && ls "$seeds_dir"/*.txt >/dev/null 2>&1; then
    for seed in "$seeds_dir"/*.txt; do
        in_namespace install -m 0644 "$seed" "/tmp/articles/$(basename "$seed")"
        drop_count=$((drop_count + 1))
    done
else
    echo "   (no seeds at $seeds_dir: generating five articles)"
    for n in 1 2 3 4 5; do
        printf 'خبر رقم %s عن سوريا\n\nقالت وزارة الخارجية السورية في دمشق اليوم إن الوفد سيصل إلى موسكو الأسبوع المقبل لبحث العلاقات الثنائية. وأضاف البيان أن الجولة %s من المحادثات ستتناول الاقتصاد والطاقة.\n' "$n" "$n" \
            | in_namespace sh -c "cat >/tmp/articles/generated-$n.txt"
        drop_count=$((drop_count + 1))
    done
fi
# The safe way the README teaches: write a dot-file inside the inbox, then
# rename it. umask 077 checks that the inbox's default ACL still lets the daemon read.
dropped=$(milliseconds)
in_namespace runuser -u reporter -- sh -c '
    umask 077
    for article in /tmp/articles/*; do
        name=$(basename "$article")
        cp "$article" "'"$state"'/inbox/.$name.part" && mv "'"$state"'/inbox/.$name.part" "'"$state"'/inbox/$name"
    done' || fail "a member of the marsad group could not drop files into the inbox"
all_taken() {
    local articles failed
    articles=$(marsad_status articles); failed=$(marsad_status failedFiles)
    [ -n "$articles" ] && [ -n "$failed" ] && [ $((articles + failed)) -ge "$drop_count" ]
}
wait_until 60 "$drop_count files taken from the inbox (marsad status --json)" all_taken
printf 'ok   %d files taken from the inbox within %d ms of the drop\n' "$drop_count" "$(( $(milliseconds) - dropped ))"
check "$drop_count articles recorded" test "$(marsad_status articles)" = "$drop_count"
check "the inbox is empty" test "$(marsad_status inbox)" = 0
check "nothing failed" test "$(marsad_status failedFiles)" = 0
check "nothing is left in processing/" test "$(marsad_status processing)" = 0
check "the files were archived" \
    test "$(in_namespace find "$state/archive" -type f -name '*.txt' | wc -l)" -ge "$drop_count"
digests_written() { in_namespace find "$state/digests" -type f -size +0 | grep -q .; }
wait_until 30 "a digest file in $state/digests" digests_written
echo "ok   digests: $(in_namespace find "$state/digests" -type f | wc -l) file(s)"
check "a group member can read the digests" \
    in_namespace runuser -u reporter -- sh -c "find '$state/digests' -type f | head -n 1 | xargs cat >/dev/null"

# A file that cannot be read as an article ends in failed/ with a warning.
in_namespace runuser -u reporter -- sh -c ": >'$state/inbox/empty.txt'"
failed_one() { [ "$(marsad_status failedFiles)" = 1 ]; }
wait_until 30 "the empty file in failed/" failed_one
check "failed/ holds the error sidecar" in_namespace test -s "$state/failed/empty.txt.error.json"

# ---------------------------------------------------------------- reload
say "reloading with a new topic file"
topics_dir=/etc/marsad/taxonomy/topics
template=$(in_namespace sh -c "ls '$topics_dir'/*.yaml | head -n 1")
[ -n "$template" ] || fail "no topic files in $topics_dir"
topics_logged() {  # the topic count of the last "reloaded" line
    journal -o cat | sed -n 's/.*reloaded configuration and taxonomy: \([0-9][0-9]*\) topics.*/\1/p' | tail -n 1
}
reload_and_wait() {
    local before
    before=$(journal -o cat | grep -c 'reloaded configuration and taxonomy' || true)
    in_namespace timeout 30 systemctl reload marsad.service || fail "systemctl reload marsad failed"
    reloaded() { [ "$(journal -o cat | grep -c 'reloaded configuration and taxonomy' || true)" -gt "$before" ]; }
    wait_until 15 "the reload in the journal" reloaded
}
reload_and_wait
topics_before=$(topics_logged)
in_namespace sh -c "sed '0,/^id: .*/s//id: reload-check/' '$template' >'$topics_dir/reload-check.yaml'"
reload_and_wait
topics_after=$(topics_logged)
journal -o cat | grep 'reloaded configuration' | tail -n 1 | sed 's/^/   /'
check "reload picked up the new topic file ($topics_before -> $topics_after topics)" \
    test "$topics_after" = "$((topics_before + 1))"
check "reload kept the same process" test "$(main_pid)" = "$pid"
check "still active after reload" test "$(in_namespace systemctl is-active marsad.service)" = active

# ---------------------------------------------------------------- journal
say "journal priorities"
info_lines=$(journal -t marsad -p info..info -o cat)
check "info lines include the start line" grep -q 'marsad started' <<<"$info_lines"
check "info lines include the recorded files" grep -q '^recorded ' <<<"$info_lines"
notice_lines=$(journal -t marsad -p notice..notice -o cat)
check "the reload is logged at notice" grep -q 'reloaded configuration' <<<"$notice_lines"
warning_lines=$(journal -t marsad -p warning..warning -o cat)
check "the failed file is logged at warning" grep -q 'empty.txt' <<<"$warning_lines"
no_prefix_left() { ! journal -t marsad -o cat | grep -q '^<[0-7]>'; }
check "no priority prefix is left in the messages" no_prefix_left
journal -t marsad -o short-monotonic -n 8 | sed 's/^/   /'

# ---------------------------------------------------------------- watchdog
say "watchdog pings (WatchdogSec=3s for this check)"
in_namespace sh -c 'mkdir -p /run/systemd/system/marsad.service.d &&
    printf "[Service]\nWatchdogSec=3s\n" >/run/systemd/system/marsad.service.d/watchdog-check.conf'
in_namespace systemctl daemon-reload
in_namespace timeout 60 systemctl restart marsad.service || fail "restart with WatchdogSec=3s failed"
pid=$(main_pid)
sleep 8
check "alive after 8 s under WatchdogSec=3s" test "$(main_pid)" = "$pid"
no_watchdog_timeout() { ! journal -o cat | grep -qi 'watchdog timeout'; }
check "no watchdog timeout" no_watchdog_timeout
in_namespace rm -rf /run/systemd/system/marsad.service.d
in_namespace systemctl daemon-reload

say "a crash: SIGKILL to the daemon"
in_namespace systemctl kill --signal=KILL marsad.service
restarted() { [ "$(in_namespace systemctl is-active marsad.service)" = active ] && [ "$(main_pid)" != "$pid" ] && [ "$(main_pid)" != 0 ]; }
wait_until 30 "Restart=on-failure to bring the daemon back" restarted
check "restarted once" test "$(unit_property NRestarts)" = 1
pid=$(main_pid)

# ---------------------------------------------------------------- stop under load
burst=400
say "stopping while $burst files are being ingested"
articles_before=$(marsad_status articles)
in_namespace sh -c '
    inbox=$1; count=$2
    mkdir -p /tmp/burst
    for n in $(seq 1 "$count"); do
        printf "بيان رقم %s من وزارة الخارجية\n\nأعلنت وزارة الخارجية في دمشق اليوم في بيانها رقم %s أن وفدا رسميا سيزور موسكو وطهران وأنقرة خلال الأسبوع المقبل لبحث ملفات الطاقة والتجارة والنقل.\n" "$n" "$n" >"/tmp/burst/burst-$n.txt"
    done
    chgrp -R marsad /tmp/burst && chmod -R g+r /tmp/burst
    for n in $(seq 1 "$count"); do mv "/tmp/burst/burst-$n.txt" "$inbox/burst-$n.txt"; done
' _ "$state/inbox" "$burst"
some_recorded() { [ "$(marsad_status articles)" -gt "$articles_before" ]; }
wait_until 60 "the first files of the burst recorded" some_recorded
started=$(milliseconds)
in_namespace timeout 60 systemctl stop marsad.service || fail "systemctl stop marsad (under load) failed"
busy_stop_ms=$(( $(milliseconds) - started ))
check "stopped under load in $busy_stop_ms ms, within 5000 ms" test "$busy_stop_ms" -lt 5000
check "stop under load: result success" test "$(unit_property Result)" = success
check "stop under load: exit status 0" test "$(unit_property ExecMainStatus)" = 0
echo "   at the stop: $(marsad_status articles) articles, $(marsad_status inbox) in the inbox, $(marsad_status processing) in processing/"
in_namespace timeout 60 systemctl start marsad.service || fail "start after the stop under load failed"
burst_done() {
    [ "$(marsad_status inbox)" = 0 ] && [ "$(marsad_status processing)" = 0 ] \
        && [ "$(marsad_status articles)" = "$((articles_before + burst))" ]
}
wait_until 120 "every file of the burst recorded exactly once after the restart" burst_done
check "every file of the burst recorded exactly once" test "$(marsad_status articles)" = "$((articles_before + burst))"
check "no file of the burst failed" test "$(marsad_status failedFiles)" = 1

# ---------------------------------------------------------------- hostile load
say "big files under WatchdogSec=5s"
in_namespace sh -c 'mkdir -p /run/systemd/system/marsad.service.d &&
    printf "[Service]\nWatchdogSec=5s\n" >/run/systemd/system/marsad.service.d/watchdog-check.conf'
in_namespace systemctl daemon-reload
in_namespace timeout 60 systemctl restart marsad.service || fail "restart with WatchdogSec=5s failed"
restarts_before=$(unit_property NRestarts)
pid=$(main_pid)
# A legal 19 MiB article of short paragraphs, and a 10 MB article on a single line.
in_namespace sh -c '
    mkdir -p /tmp/big
    seq 1 400000 | sed "s/.*/قال المتحدث في البيان رقم & إن الاجتماع بحث ملف اللاجئين وإعادة الإعمار في دمشق./" | head -c 19000000 >/tmp/big/many-paragraphs.txt
    { printf "خبر على سطر واحد\n\n"; seq 1 200000 | sed "s/.*/عقد مسؤولون روس وسوريون الاجتماع رقم & في موسكو لبحث التطورات./" | tr "\n" " " | head -c 10000000; } >/tmp/big/one-line.txt
    seq 1 400000 | sed "s/.*/أعلنت الحكومة في عمان خطة النقل رقم & للمدن الكبرى./" | head -c 19000000 >/tmp/big/poison.txt
    chgrp -R marsad /tmp/big && chmod -R g+r /tmp/big'
decided_before=$(( $(marsad_status articles) + $(marsad_status failedFiles) ))
big_started=$(milliseconds)
in_namespace sh -c 'mv /tmp/big/many-paragraphs.txt /tmp/big/one-line.txt "$1/"' _ "$state/inbox"
big_decided() {
    [ "$(marsad_status inbox)" = 0 ] && [ "$(marsad_status processing)" = 0 ] \
        && [ $(( $(marsad_status articles) + $(marsad_status failedFiles) )) -ge $((decided_before + 2)) ]
}
wait_until 240 "the two big files decided" big_decided
printf 'ok   two big files decided in %d ms\n' "$(( $(milliseconds) - big_started ))"
check "no watchdog kill while reading them" test "$(main_pid)" = "$pid"
check "no restart while reading them" test "$(unit_property NRestarts)" = "$restarts_before"
check "the big files were recorded, not failed" test "$(marsad_status failedFiles)" = 1

say "a file in processing/ at two deaths in a row"
in_namespace sh -c 'mv /tmp/big/poison.txt "$1/"' _ "$state/inbox"
in_processing() { [ "$(marsad_status processing)" = 1 ]; }
wait_until 30 "the file claimed" in_processing
in_namespace systemctl kill --signal=KILL marsad.service
restarted_after() { [ "$(in_namespace systemctl is-active marsad.service)" = active ] && [ "$(main_pid)" != "$1" ] && [ "$(main_pid)" != 0 ]; }
wait_until 30 "the restart after the first kill" restarted_after "$pid"
pid=$(main_pid)
being_recovered() { in_namespace sh -c 'ls "$1/recovering" | grep -q .' _ "$state"; }
wait_until 30 "the file read again after the restart" being_recovered
in_namespace systemctl kill --signal=KILL marsad.service
wait_until 30 "the restart after the second kill" restarted_after "$pid"
set_aside() { in_namespace grep -q "stopped twice in a row" "$state/failed/poison.txt.error.json"; }
wait_until 30 "the file set aside in failed/ with its reason" set_aside
check "the service stays active" test "$(in_namespace systemctl is-active marsad.service)" = active
check "nothing is left in processing/ after the quarantine" test "$(marsad_status processing)" = 0
in_namespace rm -rf /run/systemd/system/marsad.service.d
in_namespace systemctl daemon-reload

# ---------------------------------------------------------------- stop
say "stopping"
started=$(milliseconds)
in_namespace timeout 60 systemctl stop marsad.service || fail "systemctl stop marsad failed"
stop_ms=$(( $(milliseconds) - started ))
printf 'ok   stopped in %d ms\n' "$stop_ms"
check "stop result is success" test "$(unit_property Result)" = success
check "the daemon exited with status 0" test "$(unit_property ExecMainStatus)" = 0
check "stop took less than 5 s" test "$stop_ms" -lt 5000
check "nothing is left in processing/" test "$(in_namespace find "$state/processing" -type f | wc -l)" = 0

security=$(in_namespace systemd-analyze security marsad.service 2>/dev/null | tail -n 1 || true)
[ -n "$security" ] && echo "   systemd-analyze security: ${security#→ }"

say "uninstalling"
in_namespace timeout 120 "$repo/systemd/uninstall.sh" >"$work/uninstall.log" 2>&1 \
    || { cat "$work/uninstall.log" >&2; fail "uninstall.sh failed"; }
unit_gone() { ! in_namespace systemctl cat marsad.service >/dev/null 2>&1; }
check "uninstall removed the unit" unit_gone
check "uninstall removed the binary" in_namespace test ! -e /usr/local/bin/marsad
check "uninstall kept the configuration" in_namespace test -f "$config"
check "uninstall kept the database" in_namespace test -f "$state/marsad.sqlite"
in_namespace timeout 120 "$repo/systemd/uninstall.sh" --purge >>"$work/uninstall.log" 2>&1 \
    || { cat "$work/uninstall.log" >&2; fail "uninstall.sh --purge failed"; }
check "uninstall --purge removed the data" in_namespace test ! -e "$state"
user_gone() { ! in_namespace getent passwd marsad >/dev/null; }
check "uninstall --purge removed the marsad user" user_gone


echo "PASS: marsad.service under systemd $(in_namespace systemctl --version | awk 'NR==1 {print $2}'): ready in ${start_ms} ms, stopped in ${stop_ms} ms idle and ${busy_stop_ms} ms under load"
