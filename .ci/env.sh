#!/usr/bin/env bash
# Sourced by .ci/run and bench/run.sh: makes sure MariaDB (127.0.0.1:3306, root, empty password) and headless
# Chromium with CJK fonts are there.
log() { echo "[ci] $*"; }

# --- MariaDB on 127.0.0.1:3306 (root, empty password) ---
if ! mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1; then
  log "starting MariaDB"
  mkdir -p /run/mysqld && chown mysql:mysql /run/mysqld
  start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd -- --user=mysql
  for _ in $(seq 1 60); do
    mysqladmin --protocol=tcp -h127.0.0.1 -uroot ping >/dev/null 2>&1 && break
    mysqladmin -uroot ping >/dev/null 2>&1 && break
    sleep 1
  done
fi
if ! mysql --protocol=tcp -h127.0.0.1 -uroot -e 'select 1' >/dev/null 2>&1; then
  # Root may be socket-only on a fresh install: allow the empty password over TCP as well.
  log "allowing root over TCP"
  mysql -uroot -e "ALTER USER 'root'@'localhost' IDENTIFIED VIA unix_socket OR mysql_native_password USING PASSWORD('')"
fi
mysql --protocol=tcp -h127.0.0.1 -uroot \
  -e "CREATE DATABASE IF NOT EXISTS rectify_test CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
log "MariaDB ready: $(mysql --protocol=tcp -h127.0.0.1 -uroot -N -e 'select version()')"

# --- Headless Chromium for the end-to-end tests (and CJK fonts so screenshots are legible) ---
# (grep reads all of fc-list's output: with -q it would stop early, and under pipefail the pipe would "fail".)
if ! command -v chromium >/dev/null 2>&1 || ! fc-list 2>/dev/null | grep -i 'CJK' >/dev/null; then
  log "installing chromium and fonts-noto-cjk"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
fi

