#!/usr/bin/env bash
# Serves the release build with Debian's nginx and the shipped deploy/nginx.conf (only its listen
# and root lines changed) on loopback, then runs the end-to-end tests that a deployment can break
# against it: tests/e2e/nginx.spec.js (types, gzip, caching, deep links, 404s, headers) and the
# security, offline and shell specs. nginx runs from a temporary folder (config, pid, logs, temp
# files) and is stopped on exit, whatever happens.
#
#   scripts/nginx-e2e.sh [playwright args]   e.g. scripts/nginx-e2e.sh tests/e2e/nginx.spec.js
#   NGINX_PORT=4182   the loopback port (default 4182)
#   E2E_DIST=dist     the build folder to serve (default dist, from trunk build --release)
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"

PORT="${NGINX_PORT:-4182}"
DIST="$(cd "${E2E_DIST:-dist}" && pwd)"
export E2E_DIST="$DIST"   # nginx.spec.js compares responses with these files
NGINX="$(command -v nginx || echo /usr/sbin/nginx)"
[ -x "$NGINX" ] || { echo "[nginx-e2e] no nginx: run scripts/setup.sh --browser" >&2; exit 1; }
[ -f "$DIST/index.html" ] || { echo "[nginx-e2e] no build in $DIST: run trunk build --release" >&2; exit 1; }
if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
  echo "[nginx-e2e] something already listens on 127.0.0.1:$PORT (set NGINX_PORT)" >&2
  exit 1
fi

tmp="$(mktemp -d "${TMPDIR:-/tmp}/rg-nginx.XXXXXX")"
chmod 755 "$tmp"
stop() {
  local pid
  if [ -s "$tmp/nginx.pid" ]; then
    pid="$(cat "$tmp/nginx.pid")"
    kill -QUIT "$pid" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  fi
  rm -rf "$tmp"
}
trap stop EXIT

mkdir -p "$tmp/snippets" "$tmp/logs" "$tmp/temp"
# As in /etc/nginx: the server block's include names snippets/… relative to the config folder.
cp deploy/security-headers.conf "$tmp/snippets/river-guardians-security-headers.conf"
sed -e "s|^\([[:space:]]*\)listen 80;|\1listen 127.0.0.1:$PORT;|" \
    -e '/^[[:space:]]*listen \[::\]:80;/d' \
    -e "s|^\([[:space:]]*\)root /var/www/river-guardians;|\1root $DIST;|" \
    deploy/nginx.conf > "$tmp/river-guardians.conf"
grep -q "listen 127.0.0.1:$PORT;" "$tmp/river-guardians.conf" && grep -qF "root $DIST;" "$tmp/river-guardians.conf" \
  || { echo "[nginx-e2e] deploy/nginx.conf no longer has 'listen 80;' and 'root /var/www/river-guardians;'" >&2; exit 1; }

# Workers run as the current user when started by root (they must read the build folder).
user_line=""
if [ "$(id -u)" = 0 ]; then user_line="user $(id -un) $(id -gn);"; fi
cat > "$tmp/nginx.conf" <<EOF
$user_line
worker_processes 1;
pid $tmp/nginx.pid;
error_log $tmp/logs/error.log warn;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    access_log $tmp/logs/access.log;
    client_body_temp_path $tmp/temp/client_body;
    proxy_temp_path $tmp/temp/proxy;
    fastcgi_temp_path $tmp/temp/fastcgi;
    uwsgi_temp_path $tmp/temp/uwsgi;
    scgi_temp_path $tmp/temp/scgi;
    include $tmp/river-guardians.conf;
}
EOF

"$NGINX" -q -t -p "$tmp" -e "$tmp/logs/error.log" -c "$tmp/nginx.conf"
"$NGINX" -p "$tmp" -e "$tmp/logs/error.log" -c "$tmp/nginx.conf"
for _ in $(seq 50); do
  curl -fsS -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.1
done
echo "[nginx-e2e] $("$NGINX" -v 2>&1) serving $DIST on http://127.0.0.1:$PORT/"

status=0
if [ "$#" -gt 0 ]; then
  E2E_SERVER=nginx E2E_BASE_URL="http://127.0.0.1:$PORT" npx playwright test "$@" || status=$?
else
  E2E_SERVER=nginx E2E_BASE_URL="http://127.0.0.1:$PORT" npx playwright test \
    tests/e2e/nginx.spec.js tests/e2e/security.spec.js tests/e2e/offline.spec.js tests/e2e/shell.spec.js || status=$?
fi
if [ "$status" != 0 ]; then
  echo "[nginx-e2e] nginx error log:" >&2
  tail -n 30 "$tmp/logs/error.log" >&2 || true
fi
exit "$status"
