# Where install.sh puts Marsad and uninstall.sh removes it from, for a prefix.
# Sourced by both, so that the two always agree. Expects $prefix; sets
# unit_dir, sysusers_dir, tmpfiles_dir and lib_dir.

# systemd searches /usr/lib and /usr/local/lib for units and snippets; any
# other prefix gets them in /etc.
case "$prefix" in
    /usr|/usr/local)
        unit_dir="$prefix/lib/systemd/system"
        sysusers_dir="$prefix/lib/sysusers.d"
        tmpfiles_dir="$prefix/lib/tmpfiles.d" ;;
    *)
        unit_dir=/etc/systemd/system
        sysusers_dir=/etc/sysusers.d
        tmpfiles_dir=/etc/tmpfiles.d ;;
esac
lib_dir="$prefix/lib/marsad"
