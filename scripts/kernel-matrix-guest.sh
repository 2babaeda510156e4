#!/bin/sh
# Runs inside each guest of the kernel matrix (and directly on the host for "host"): the feature
# report, the kernel-tagged tests with the JUnit console launcher and the UringCheck self-check, each
# writing into RUN/out/KERNEL/. Usage: kernel-matrix-guest.sh KERNEL RUN (POSIX sh).
k=$1
run=$2
. "$run/env"
out=$run/out/$k
mkdir -p "$out"
cd "$out" || exit 1
# C1 only and the serial collector: the tests are short, and under qemu's emulator C2 compiles cost
# more than they save. No perf data file (hsperfdata): jcmd finds the JVM through its attach socket.
java="$JAVA_HOME/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC --enable-native-access=ALL-UNNAMED"
cp="$run/lib/test-classes:$(cat "$run/lib/classpath")"

# timed NAME SECONDS CMD...: runs CMD with output in NAME.txt and its exit code in NAME.status; past
# SECONDS, the threads of the JVM go to NAME.threads.txt and it is killed (status 124).
timed() {
  name=$1 limit=$2
  shift 2
  "$@" > "$name.txt" 2>&1 &
  pid=$!
  waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt "$limit" ]; do sleep 1; waited=$((waited + 1)); done
  if kill -0 "$pid" 2>/dev/null; then
    "$JAVA_HOME/bin/jcmd" "$pid" Thread.print > "$name.threads.txt" 2>&1
    kill -9 "$pid"
    wait "$pid"
    echo 124 > "$name.status"
  else
    wait "$pid"
    echo $? > "$name.status"
  fi
}

uname -r > release
start=$(date +%s)
timed report 120 $java -cp "$cp" dev.iobuf.uring.KernelReport
# @Timeout is off: under the emulator a test runs 10-50x slower than on the host; a hang still ends at
# the watchdog (600 s), with the threads of the JVM in junit.threads.txt. Received buffers are poisoned on
# recycle, as under surefire (iobuf-uring/pom.xml): KeptSegmentTest relies on it.
timed junit 600 $java -Ddev.iobuf.uring.net.poisonRecycledBuffers=true -jar "$run/lib/junit-platform-console-standalone.jar" execute \
  --disable-banner --disable-ansi-colors --details=testfeed --class-path "$cp" \
  --config=junit.jupiter.execution.timeout.mode=disabled \
  $IOBUF_GUEST_SELECT --include-tag kernel --reports-dir "$out/reports"
timed uringcheck 120 $java -cp "$cp:$run/lib/examples.jar" dev.iobuf.examples.UringCheck
echo $(( $(date +%s) - start )) > seconds
