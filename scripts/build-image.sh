#!/usr/bin/env bash
# Builds the integration-test image offline (no container registry needed): debootstrap a minimal
# Debian bookworm plus the packages of docker/packages.txt (liburing2), add user iobuf (uid 1000),
# and `docker import` the tree as $IOBUF_TEST_IMAGE (default iobuf-test:local).
#
# Builds only when the image is missing or its inputs changed: the sha256 of this script and of
# docker/packages.txt is stored in the image label dev.iobuf.inputs and compared on each run
# (the seccomp profiles are not inputs: the tests hand them to Docker at run time).
#
# The JDK is not in the image: the tests bind-mount the host JDK read-only at its host path, so the
# code under test runs on the very JDK that built it, a JDK update needs no rebuild, and the image
# stays at ~200 MB. docker/Dockerfile is the equivalent for machines that reach a registry.
# Env: IOBUF_DEBIAN_MIRROR (default: the mirror apt uses here, else deb.debian.org).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh

IMAGE=${IOBUF_TEST_IMAGE:-iobuf-test:local}
LABEL=dev.iobuf.inputs
SUITE=bookworm

docker_answers || die "no Docker daemon answers ('docker info' fails): run scripts/setup-docker.sh first"

want=$(cat scripts/build-image.sh docker/packages.txt | sha256sum | cut -c1-64)
old_id=$(docker image inspect -f '{{.Id}}' "$IMAGE" 2>/dev/null || true)
have=$(docker image inspect -f "{{index .Config.Labels \"$LABEL\"}}" "$IMAGE" 2>/dev/null || true)
if [ "$have" = "$want" ]; then
  echo "image $IMAGE is up to date (inputs ${want:0:12})"
  exit 0
fi
echo "image $IMAGE: ${old_id:+inputs changed (${have:-no label} -> ${want:0:12}), }building"

# The mirror apt already uses (deb822 or one-line sources), so debootstrap works wherever apt does.
debian_mirror() {
  local m
  m=$(grep -hs -A3 -E "^Suites:.*\b$SUITE\b" /etc/apt/sources.list.d/*.sources | awk '/^URIs:/ {print $2; exit}' || true)
  [ -n "$m" ] || m=$(grep -hsE "^deb +(\[[^]]*\] +)?[a-z]+://[^ ]+ +$SUITE " /etc/apt/sources.list /etc/apt/sources.list.d/*.list \
    | sed -E 's/^deb +(\[[^]]*\] +)?//' | awk '{print $1; exit}' || true)
  echo "${m:-http://deb.debian.org/debian}"
}
MIRROR=${IOBUF_DEBIAN_MIRROR:-$(debian_mirror)}
PACKAGES=$(grep -vE '^[[:space:]]*(#|$)' docker/packages.txt | xargs | tr ' ' ,)

ensure_apt debootstrap
root=$(mktemp -d "${TMPDIR:-/var/tmp}/iobuf-rootfs.XXXXXX")
log=$root.log
trap 'as_root rm -rf --one-file-system "$root"' EXIT

echo "debootstrap $SUITE minbase + $PACKAGES from $MIRROR (log: $log)"
as_root debootstrap --variant=minbase --include="$PACKAGES" "$SUITE" "$root" "$MIRROR" >"$log" 2>&1 \
  || { tail -n 20 "$log" >&2; die "debootstrap failed (log above, full log in $log); set IOBUF_DEBIAN_MIRROR to a reachable Debian mirror"; }
# A non-root user for the tests (--user 1000:1000); its passwd entry gives Java a user.name and home.
as_root chroot "$root" useradd --uid 1000 --user-group --create-home --shell /bin/bash iobuf
as_root rm -rf "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/usr/share/doc/* "$root"/usr/share/man/* "$root"/usr/share/info/*

as_root tar -C "$root" --numeric-owner -c . | docker import \
  --change "LABEL $LABEL=$want" \
  --change "ENV PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin" \
  --change 'CMD ["/bin/bash"]' \
  --message "iobuf-java integration test image: debian $SUITE minbase + $PACKAGES (scripts/build-image.sh)" \
  - "$IMAGE" >/dev/null
rm -f "$log"

new_id=$(docker image inspect -f '{{.Id}}' "$IMAGE")
if [ -n "$old_id" ] && [ "$old_id" != "$new_id" ]; then
  docker image rm "$old_id" >/dev/null 2>&1 || echo "note: the previous image ${old_id:7:12} is still used by a container; not removed" >&2
fi
echo "image $IMAGE built: ${new_id:7:12}, $(docker image inspect -f '{{.Size}}' "$IMAGE" | awk '{printf "%d MB", $1/1e6}'), inputs ${want:0:12}"
