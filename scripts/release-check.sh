#!/usr/bin/env bash
# Checks that a release build is reproducible and shows what it would publish; uploads nothing.
#
#   scripts/release-check.sh [extra Maven args...]
#
# 1. mvn -Prelease -DskipTests clean verify, keeps every published file (jars, sources and Javadoc
#    jars of iobuf-core, native-bindings, iobuf-uring; the poms of the parent and iobuf-bom).
# 2. The same build again, this time as `mvn deploy` into a throw-away file repository
#    (-DaltDeploymentRepository=...::file://TMP; install is skipped, ~/.m2 is not touched).
# 3. Compares the two builds' files byte for byte (cmp) and lists what deploy published.
# Exit code 0 when every file is identical and deploy published exactly the library modules, the
# BOM and the parent (examples and benchmarks carry maven.deploy.skip); 1 otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
pick_jdk
ensure_maven

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
LIBS="iobuf-core native-bindings iobuf-uring"
# the project's own <version>: the first one in the root pom (it has no parent)
version=$(sed -n 's:^  <version>\(.*\)</version>.*:\1:p' pom.xml | head -1)
[ -n "$version" ] || die "cannot read the project version from pom.xml"

# published_files -> the files of this build that deploy publishes, as "name<TAB>path"
published_files() {
  local m
  for m in $LIBS; do
    for f in "$m/target/$m-$version.jar" "$m/target/$m-$version-sources.jar" "$m/target/$m-$version-javadoc.jar" "$m/pom.xml"; do
      [ -f "$f" ] || die "$f is missing after the release build"
      printf '%s\t%s\n' "$m/$(basename "$f")" "$f"
    done
  done
  printf '%s\t%s\n' "iobuf-bom/pom.xml" iobuf-bom/pom.xml "iobuf-parent/pom.xml" pom.xml
}

echo "== build 1: mvn -Prelease -DskipTests clean verify"
"${MVN[@]}" -q -Prelease -DskipTests clean verify "$@"
mkdir -p "$work/first"
while IFS=$'\t' read -r name path; do
  mkdir -p "$work/first/$(dirname "$name")"; cp "$path" "$work/first/$name"
done < <(published_files)

echo "== build 2: mvn -Prelease -DskipTests clean deploy (into $repo, nothing uploaded, nothing installed)"
"${MVN[@]}" -q -Prelease -DskipTests -Dmaven.install.skip=true \
  -DaltDeploymentRepository="release-check::file://$repo" clean deploy "$@"

echo "== byte-for-byte comparison"
bad=0
while IFS=$'\t' read -r name path; do
  if cmp -s "$work/first/$name" "$path"; then
    printf 'identical  %-52s %s\n' "$name" "$(sha256sum < "$path" | cut -c1-16)"
  else
    printf 'DIFFERENT  %s\n' "$name"; bad=1
    case "$path" in
      *.jar) diff <(unzip -lv "$work/first/$name") <(unzip -lv "$path") | head -20 || true ;;
    esac
  fi
done < <(published_files)

echo "== what mvn deploy publishes (groupId/artifactId/version/file)"
(cd "$repo" && find . -type f ! -name 'maven-metadata*' ! -name '*.md5' ! -name '*.sha1' ! -name '*.sha256' ! -name '*.sha512' \
  | sed 's:^\./::' | sort)
artifacts=$(find "$repo/dev/iobuf" -mindepth 1 -maxdepth 1 -type d -printf '%f\n' | sort | tr '\n' ' ')
echo "artifacts: $artifacts"
expected="iobuf-bom iobuf-core iobuf-parent iobuf-uring native-bindings "
if [ "$artifacts" != "$expected" ]; then
  echo "error: deploy published [$artifacts], expected [$expected]" >&2; bad=1
fi
for m in $LIBS; do
  for c in main sources javadoc; do
    n=$(find "$repo/dev/iobuf/$m/$version" -name "$m-*.jar" | sed -E 's/.*-(sources|javadoc)\.jar$/\1/; t; s/.*/main/' | grep -cx "$c" || true)
    [ "$n" -ge 1 ] || { echo "error: deploy did not publish the $c jar of $m" >&2; bad=1; }
  done
done

if [ "$bad" = 0 ]; then echo "RELEASE-CHECK OK: two builds identical, deploy publishes the library modules, the BOM and the parent"; fi
exit "$bad"
