#!/usr/bin/env bash
# Shared by the scripts: find a JDK 25+, install what apt must provide. Sourced, not run.

die() { echo "error: $*" >&2; exit 1; }

# java_major HOME -> prints the feature version of the JDK at HOME, or nothing
java_major() {
  [ -x "$1/bin/java" ] || return 0
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

# Sets and exports JAVA_HOME to a JDK 25+: JAVA_HOME if it already is one, else the newest under /usr/lib/jvm.
pick_jdk() {
  local v
  if [ -n "${JAVA_HOME:-}" ]; then
    v=$(java_major "$JAVA_HOME")
    if [ -n "$v" ] && [ "$v" -ge 25 ]; then export JAVA_HOME; export PATH="$JAVA_HOME/bin:$PATH"; return; fi
    echo "note: JAVA_HOME=$JAVA_HOME is Java ${v:-?}, looking for a JDK 25+ under /usr/lib/jvm" >&2
  fi
  local best="" bestv=0 d
  for d in /usr/lib/jvm/*/; do
    d=${d%/}
    [ -L "$d" ] && continue
    v=$(java_major "$d")
    if [ -n "$v" ] && [ "$v" -ge 25 ] && [ "$v" -gt "$bestv" ]; then best=$d; bestv=$v; fi
  done
  [ -n "$best" ] || die "no JDK 25+ found (JAVA_HOME unset or older, nothing under /usr/lib/jvm). Install Temurin 25 (apt: temurin-25-jdk from packages.adoptium.net) or set JAVA_HOME to a JDK 25+."
  export JAVA_HOME=$best
  export PATH="$JAVA_HOME/bin:$PATH"
}

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else die "need root to run: $*"; fi; }

# ensure_apt PKG... : installs the Debian packages that are not installed yet (once per call).
ensure_apt() {
  local missing=() p
  for p in "$@"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "installing from apt: ${missing[*]}" >&2
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq \
    && as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null \
    || die "apt-get install ${missing[*]} failed"
}

ensure_maven() { command -v mvn >/dev/null || ensure_apt maven; }

# Maven on JDK 25 prints a sun.misc.Unsafe warning from its own guava; harmless, silenced.
export MAVEN_OPTS="${MAVEN_OPTS:-} --sun-misc-unsafe-memory-access=allow"
MVN=(mvn -B -ntp)

# Docker (integration suite): true when a daemon answers the CLI.
docker_answers() { command -v docker >/dev/null && docker info >/dev/null 2>&1; }
docker_server_version() { docker version -f '{{.Server.Version}}' 2>/dev/null || echo "version ?"; }
