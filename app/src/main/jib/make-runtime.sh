#!/usr/bin/env bash
# The container image's own base, made from this machine's Debian packages: no registry is reached.
# A jlink'ed Java runtime, the shared libraries it loads (found with ldd), a passwd entry for the non-root user,
# and writable /tmp and /data. Jib lays the application on top (app/pom.xml, profile-free, phase package).
set -euo pipefail
out="$1"
java_home="${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}"
[ -x "$out/opt/java/bin/java" ] && exit 0
rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp" "$out/data"

"$java_home/bin/jlink" --add-modules java.se,jdk.crypto.ec,jdk.unsupported,jdk.management,jdk.naming.dns,jdk.zipfs,jdk.localedata \
  --include-locales en,sv,fi --strip-debug --no-man-pages --no-header-files --compress=2 --output "$out/opt/java"
# Debian's JDK links its CA store from /etc/ssl: take the file itself (SMTP STARTTLS, outbound https)
cacerts="$(readlink -f "$java_home/lib/security/cacerts" || true)"
[ -f "$cacerts" ] && cp "$cacerts" "$out/opt/java/lib/security/cacerts"

# every shared library the runtime loads, plus glibc's name-service modules (loaded by dlopen, unseen by ldd)
{
  find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null \
    | grep -o '/[^ ]*' | grep -v "^$out"
  ls /lib/x86_64-linux-gnu/libnss_files.so.2 /lib/x86_64-linux-gnu/libnss_dns.so.2 2>/dev/null || true
} | sort -u | while read -r lib; do
  [ -e "$lib" ] || continue
  mkdir -p "$out$(dirname "$lib")"
  cp -L "$lib" "$out$lib"
done
# the dynamic loader is named by its fixed path in every executable
[ -e /lib64/ld-linux-x86-64.so.2 ] && mkdir -p "$out/lib64" && cp -L /lib64/ld-linux-x86-64.so.2 "$out/lib64/"

cat > "$out/etc/passwd" <<'PASSWD'
root:x:0:0:root:/root:/sbin/nologin
portvakt:x:10001:10001:Portvakt:/data:/sbin/nologin
PASSWD
printf 'root:x:0:\nportvakt:x:10001:\n' > "$out/etc/group"
printf 'hosts: files dns\n' > "$out/etc/nsswitch.conf"
