// A one-file program (java Probe.java ENTRIES) for the integration tests: calls the raw
// io_uring_setup(2) syscall through libc's syscall(3), bypassing liburing and the project, and
// prints one line: probe entries=<n> rc=<fd or -1> errno=<errno> uid=<uid> memlock=<soft limit>.
// It tells what the container allows (seccomp, RLIMIT_MEMLOCK, capabilities), so that the
// library's tests can rely on it. Runs with the JDK's source launcher: needs a JDK, not a JRE.

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.VarHandle;
import java.nio.file.Files;
import java.nio.file.Path;

public class Probe {
    private static final long SYS_IO_URING_SETUP = 425; // same number on x86-64 and arm64
    private static final long IO_URING_PARAMS_SIZE = 120;

    public static void main(String[] args) throws Throwable {
        int entries = args.length > 0 ? Integer.parseInt(args[0]) : 8;
        Linker linker = Linker.nativeLinker();
        Linker.Option errno = Linker.Option.captureCallState("errno");
        MethodHandle syscall = linker.downcallHandle(linker.defaultLookup().findOrThrow("syscall"),
                FunctionDescriptor.of(ValueLayout.JAVA_LONG, ValueLayout.JAVA_LONG, ValueLayout.JAVA_INT, ValueLayout.ADDRESS),
                Linker.Option.firstVariadicArg(1), errno);
        MethodHandle close = linker.downcallHandle(linker.defaultLookup().findOrThrow("close"),
                FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.JAVA_INT));
        VarHandle errnoHandle = Linker.Option.captureStateLayout()
                .varHandle(java.lang.foreign.MemoryLayout.PathElement.groupElement("errno"));
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment state = arena.allocate(Linker.Option.captureStateLayout());
            MemorySegment params = arena.allocate(IO_URING_PARAMS_SIZE, 8); // zeroed: no flags
            long rc = (long) syscall.invokeExact(state, SYS_IO_URING_SETUP, entries, params);
            int err = rc < 0 ? (int) errnoHandle.get(state, 0L) : 0;
            if (rc >= 0) {
                int _ = (int) close.invokeExact((int) rc); // exactly the same type as the handle
            }
            System.out.printf("probe entries=%d rc=%d errno=%d uid=%s memlock=%s%n",
                    entries, rc, err, status("Uid:"), memlockSoftLimit());
        }
    }

    /** First field of a /proc/self/status line (Uid: real uid). */
    private static String status(String key) throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith(key)).map(l -> l.substring(key.length()).strip().split("\\s+")[0])
                .findFirst().orElse("?");
    }

    /** Soft RLIMIT_MEMLOCK in bytes ("unlimited" as is). */
    private static String memlockSoftLimit() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/limits")).stream()
                .filter(l -> l.startsWith("Max locked memory"))
                .map(l -> l.substring("Max locked memory".length()).strip().split("\\s+")[0])
                .findFirst().orElse("?");
    }
}
