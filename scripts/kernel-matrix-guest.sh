#!/bin/sh
# Runs inside each guest of the kernel matrix (and directly on the host for "host"): the kernel-tagged
# tests with the JUnit console launcher, the UringCheck self-check and the feature report, each
# writing into RUN/out/KERNEL/. Usage: kernel-matrix-guest.sh KERNEL RUN (POSIX sh: dash or busybox).
k=$1
run=$2
. "$run/env"
out=$run/out/$k
mkdir -p "$out"
cd "$out" || exit 1
# C1 only and the serial collector: the tests are short, and under qemu's emulator C2 compiles cost
# more than they save. No perf data file (hsperfdata) on the read-only root.
java="$JAVA_HOME/bin/java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:-UsePerfData --enable-native-access=ALL-UNNAMED"
cp="$run/lib/test-classes:$(cat "$run/lib/classpath")"
uname -r > release
start=$(date +%s)
$java -cp "$cp" dev.iobuf.uring.KernelReport > report.txt 2> report.err
echo $? > report.status
$java -jar "$run/lib/junit-platform-console-standalone.jar" execute --disable-banner --disable-ansi-colors \
  --details=testfeed --class-path "$cp" --scan-class-path "$run/lib/test-classes" --include-tag kernel \
  --reports-dir "$out/reports" > junit.txt 2>&1
echo $? > junit.status
$java -cp "$cp:$run/lib/examples.jar" dev.iobuf.examples.UringCheck > uringcheck.txt 2>&1
echo $? > uringcheck.status
echo $(( $(date +%s) - start )) > seconds
