#!/usr/bin/env bash
# Makes a Docker daemon answer for the integration suite: installs docker.io from apt and starts
# dockerd when no daemon answers; installs debootstrap (scripts/build-image.sh needs it).
# Idempotent: a daemon that already answers is left alone, whoever started it.
#
# dockerd runs with --iptables=false --bridge=none: the containers of the suite need no network
# (Testcontainers then needs TESTCONTAINERS_HOST_OVERRIDE=localhost, set in examples/pom.xml).
# Its pid and log go to $IOBUF_DOCKERD_PID / $IOBUF_DOCKERD_LOG (defaults below).
# Env: IOBUF_DOCKER_TIMEOUT seconds to wait for the daemon (default 60).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

PIDFILE=${IOBUF_DOCKERD_PID:-/var/run/iobuf-dockerd.pid}
LOGFILE=${IOBUF_DOCKERD_LOG:-/tmp/iobuf-dockerd.log}
TIMEOUT=${IOBUF_DOCKER_TIMEOUT:-60}

ensure_apt debootstrap

if docker_answers; then
  echo "docker: daemon answers ($(docker_server_version)), left as it is"
  exit 0
fi

# A socket we may not use is not a missing daemon: starting a second dockerd would only fail.
if [ -S /var/run/docker.sock ] && docker info 2>&1 | grep -qi 'permission denied'; then
  die "a Docker daemon runs but $(id -un) may not use /var/run/docker.sock: add the user to the docker group (usermod -aG docker $(id -un), then log in again) or run as root"
fi

ensure_apt docker.io
command -v dockerd >/dev/null || die "docker.io is installed but dockerd is not on PATH ($PATH)"

echo "docker: no daemon answers, starting dockerd (log: $LOGFILE)"
# setsid: the daemon outlives this script and the job control of whoever ran it.
as_root sh -c 'setsid nohup dockerd --iptables=false --bridge=none >"$1" 2>&1 </dev/null & echo $! >"$2"' \
  sh "$LOGFILE" "$PIDFILE"

deadline=$((SECONDS + TIMEOUT))
until docker_answers; do
  pid=$(cat "$PIDFILE" 2>/dev/null || true)
  if [ -n "$pid" ] && [ ! -d "/proc/$pid" ]; then  # not kill -0: dockerd may be root, we may not
    tail -n 20 "$LOGFILE" >&2 || true
    die "dockerd (pid $pid) exited during startup; its log is above and in $LOGFILE"
  fi
  if [ $SECONDS -ge $deadline ]; then
    tail -n 20 "$LOGFILE" >&2 || true
    die "dockerd started (pid ${pid:-?}) but 'docker info' did not answer within ${TIMEOUT}s; see $LOGFILE (raise IOBUF_DOCKER_TIMEOUT if the machine is just slow)"
  fi
  sleep 0.5
done
echo "docker: daemon answers ($(docker_server_version)), pid $(cat "$PIDFILE"), log $LOGFILE"
