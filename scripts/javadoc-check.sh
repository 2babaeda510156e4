#!/usr/bin/env bash
# Javadoc of the three library modules with doclint on; exit 1 on any finding. Run by scripts/test.sh
# (last step) and usable alone: no Maven, the javadoc tool of the JDK over the sources.
#
#   1. -Xdoclint:all,-missing -Werror: broken references, bad HTML, syntax, accessibility: none allowed.
#   2. -Xdoclint:missing: every public type, method, field (and serialized field) has a doc comment with
#      a main description ("no comment", "no main description"). Tags for every parameter and return
#      value are not required (house style: the sentence says it), so "no @param/@return" is not
#      counted; the generated bindings (native-bindings/src/generated, jextract output) are exempt.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/lib.sh
pick_jdk

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
args=(-quiet -Xmaxwarns 100000 -Xmaxerrs 100000 -d "$out/doc"
      --module-source-path "dev.iobuf.core=iobuf-core/src/main/java"
      --module-source-path "dev.iobuf.liburing=native-bindings/src/main/java:native-bindings/src/generated/java"
      --module-source-path "dev.iobuf.uring=iobuf-uring/src/main/java"
      --module dev.iobuf.core,dev.iobuf.liburing,dev.iobuf.uring)

if ! "$JAVA_HOME/bin/javadoc" -Werror -Xdoclint:all,-missing "${args[@]}" >"$out/doclint.txt" 2>&1; then
  cat "$out/doclint.txt" >&2
  die "javadoc: doclint findings above (fix the comments; see scripts/javadoc-check.sh)"
fi
rm -rf "$out/doc"
"$JAVA_HOME/bin/javadoc" -Xdoclint:missing "${args[@]}" >"$out/missing.txt" 2>&1 || true
missing=$(grep -E 'warning: no (comment|main description)' "$out/missing.txt" | grep -v '/src/generated/' || true)
if [ -n "$missing" ]; then
  echo "$missing" >&2
  die "javadoc: $(wc -l <<<"$missing") public declaration(s) above have no doc comment"
fi
echo "javadoc: doclint clean for dev.iobuf.core, dev.iobuf.liburing, dev.iobuf.uring; every public declaration documented"
