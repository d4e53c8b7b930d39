#!/bin/bash
# License Prep's deb after-remove script (electron-builder.yml deb.afterRemove): the command link and the
# AppArmor profile go with the package (unloaded from the kernel first). Paths honour DPKG_ROOT.
set -u
root="${DPKG_ROOT:-}"
install_dir='/opt/${sanitizedProductName}'
executable='${executable}'

if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --remove "$executable" "$install_dir/$executable" || true
else
  rm -f "$root/usr/bin/$executable"
fi

profile_target="$root/etc/apparmor.d/$executable"
if [ -f "$profile_target" ]; then
  if apparmor_status --enabled >/dev/null 2>&1 && ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
    apparmor_parser --remove "$profile_target" || true
  fi
  rm -f "$profile_target"
fi
exit 0
