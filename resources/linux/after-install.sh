#!/bin/bash
# License Prep's deb after-install script (electron-builder.yml deb.afterInstall; run as root by dpkg).
# 1. the `license-prep` command; 2. Chromium's sandbox helper; 3. the AppArmor profile that lets the
# sandbox start on Ubuntu 23.10+ (which restricts unprivileged user namespaces). Never --no-sandbox.
# Paths honour DPKG_ROOT (dpkg's root for maintainer scripts; empty on a normal install).
set -u
root="${DPKG_ROOT:-}"
install_dir='/opt/${sanitizedProductName}'
executable='${executable}'

# 1. The command on PATH.
if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --install "/usr/bin/$executable" "$executable" "$install_dir/$executable" 100 ||
    ln -sf "$install_dir/$executable" "$root/usr/bin/$executable"
else
  ln -sf "$install_dir/$executable" "$root/usr/bin/$executable"
fi

# 2. Chromium's setuid sandbox helper is needed only where the kernel has no user namespaces.
if [ -L /proc/self/ns/user ] && unshare --user true >/dev/null 2>&1; then
  chmod 0755 "$root$install_dir/chrome-sandbox" || true
else
  chmod 4755 "$root$install_dir/chrome-sandbox" || true
fi

# 3. The AppArmor profile, where AppArmor runs and understands the profile (abi 4.0: Ubuntu 24.04+,
#    Debian 13+). Older systems do not restrict user namespaces and need none.
profile_source="$root$install_dir/resources/apparmor-profile"
profile_target="$root/etc/apparmor.d/$executable"
if apparmor_status --enabled >/dev/null 2>&1 && [ -f "$profile_source" ]; then
  if apparmor_parser --skip-kernel-load --debug "$profile_source" >/dev/null 2>&1; then
    mkdir -p "$root/etc/apparmor.d"
    cp -f "$profile_source" "$profile_target"
    # Loading into the running kernel makes no sense in a chroot (an image being built).
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
      apparmor_parser --replace --write-cache --skip-read-cache "$profile_target" ||
        echo "License Prep: the AppArmor profile was installed but not loaded; it loads at the next boot." >&2
    fi
  else
    echo "License Prep: this AppArmor does not support the bundled profile (abi 4.0); none installed." >&2
  fi
fi

if type update-desktop-database >/dev/null 2>&1; then
  update-desktop-database "$root/usr/share/applications" || true
fi
exit 0
