package dev.iobuf.liburing;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.lang.foreign.GroupLayout;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.PaddingLayout;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Compares every struct layout and constant of the bindings with the C headers installed here, by
 * compiling small C programs with gcc: sizeof, alignment, each field's offset and size, and the value
 * (and width) of every constant that {@code <liburing.h>}, liburing's {@code io_uring.h} and the kernel's
 * {@code <linux/io_uring.h>} define, plus the libc constants and errno values. Any difference fails.
 *
 * <p>The struct classes and {@link LibUring} are jextract's output for these same headers
 * (scripts/regen-bindings.sh), so this checks jextract and the FFM layouts against gcc's {@code offsetof};
 * the generated {@link LibcAbi}, the hand-written {@link ArchConstants} and {@link Errno} are checked the same way. Constants newer than the headers ({@link NewerKernelConstants}) are checked by
 * behaviour in {@code NewerKernelConstantsTest}.
 * {@code *_LAST} sentinels grow with each kernel, so only "header value &lt;= ours" is required.
 */
class LayoutConformanceTest {

    /** Every struct class of the bindings, by C struct name. */
    static final Map<String, GroupLayout> JAVA_STRUCTS = new LinkedHashMap<>();

    static {
        JAVA_STRUCTS.put("__kernel_timespec", __kernel_timespec.layout());
        JAVA_STRUCTS.put("iovec", iovec.layout());
        JAVA_STRUCTS.put("rlimit", rlimit.layout());
        JAVA_STRUCTS.put("io_uring_sqe", io_uring_sqe.layout());
        JAVA_STRUCTS.put("io_uring_cqe", io_uring_cqe.layout());
        JAVA_STRUCTS.put("io_sqring_offsets", io_sqring_offsets.layout());
        JAVA_STRUCTS.put("io_cqring_offsets", io_cqring_offsets.layout());
        JAVA_STRUCTS.put("io_uring_params", io_uring_params.layout());
        JAVA_STRUCTS.put("io_uring_rsrc_register", io_uring_rsrc_register.layout());
        JAVA_STRUCTS.put("io_uring_rsrc_update", io_uring_rsrc_update.layout());
        JAVA_STRUCTS.put("io_uring_rsrc_update2", io_uring_rsrc_update2.layout());
        JAVA_STRUCTS.put("io_uring_probe_op", io_uring_probe_op.layout());
        JAVA_STRUCTS.put("io_uring_probe", io_uring_probe.layout());
        JAVA_STRUCTS.put("io_uring_restriction", io_uring_restriction.layout());
        JAVA_STRUCTS.put("io_uring_buf", io_uring_buf.layout());
        JAVA_STRUCTS.put("io_uring_buf_ring", io_uring_buf_ring.layout());
        JAVA_STRUCTS.put("io_uring_buf_reg", io_uring_buf_reg.layout());
        JAVA_STRUCTS.put("io_uring_getevents_arg", io_uring_getevents_arg.layout());
        JAVA_STRUCTS.put("io_uring_sync_cancel_reg", io_uring_sync_cancel_reg.layout());
        JAVA_STRUCTS.put("io_uring_file_index_range", io_uring_file_index_range.layout());
        JAVA_STRUCTS.put("io_uring_recvmsg_out", io_uring_recvmsg_out.layout());
        JAVA_STRUCTS.put("io_uring_files_update", io_uring_files_update.layout());
        JAVA_STRUCTS.put("io_uring_notification_slot", io_uring_notification_slot.layout());
        JAVA_STRUCTS.put("io_uring_notification_register", io_uring_notification_register.layout());
        JAVA_STRUCTS.put("sockaddr", sockaddr.layout());
        JAVA_STRUCTS.put("sockaddr_storage", sockaddr_storage.layout());
        JAVA_STRUCTS.put("in_addr", in_addr.layout());
        JAVA_STRUCTS.put("sockaddr_in", sockaddr_in.layout());
        JAVA_STRUCTS.put("in6_addr", in6_addr.layout());
        JAVA_STRUCTS.put("sockaddr_in6", sockaddr_in6.layout());
        JAVA_STRUCTS.put("msghdr", msghdr.layout());
        JAVA_STRUCTS.put("cmsghdr", cmsghdr.layout());
        JAVA_STRUCTS.put("sockaddr_un", sockaddr_un.layout());
        JAVA_STRUCTS.put("in_pktinfo", in_pktinfo.layout());
        JAVA_STRUCTS.put("in6_pktinfo", in6_pktinfo.layout());
        JAVA_STRUCTS.put("linger", linger.layout());
        JAVA_STRUCTS.put("ucred", ucred.layout());
        JAVA_STRUCTS.put("statx_timestamp", statx_timestamp.layout());
        JAVA_STRUCTS.put("statx", statx.layout());
        JAVA_STRUCTS.put("io_uring_sq", io_uring_sq.layout());
        JAVA_STRUCTS.put("io_uring_cq", io_uring_cq.layout());
        JAVA_STRUCTS.put("io_uring", io_uring.layout());
    }

    /** Macros of liburing.h that are not integer constants (keywords, attributes) in some versions. */
    static final Set<String> NON_INTEGER_MACROS = Set.of("IOURINGINLINE", "LIBURING_NOEXCEPT", "_LOCAL_INLINE");

    @TempDir
    Path dir;

    @BeforeAll
    static void needsGcc() {
        Gcc.assumeAvailable();
    }

    record Field(long offset, long size) {
    }

    record Struct(long size, long align, Map<String, Field> fields) {
    }

    @Test
    void structsMatchLiburingHeaders() throws IOException {
        Map<String, Struct> c = parseLayouts(Gcc.compileAndRun(dir, "layout_liburing", probeSource(), "USE_LIBURING"));
        assertThat(c).as("structs the liburing.h probe printed").containsKeys("io_uring", "io_uring_sq", "io_uring_cq");
        compareStructs(c, Set.of());
    }

    @Test
    void structsMatchKernelHeaders() throws IOException {
        Map<String, Struct> c = parseLayouts(Gcc.compileAndRun(dir, "layout_kernel", probeSource()));
        assertThat(c).as("structs the linux/io_uring.h probe printed").containsKeys("io_uring_sqe", "io_uring_params");
        compareStructs(c, LIBURING_ONLY);
    }

    @Test
    void constantsMatchLiburingHeaders() throws IOException {
        List<Path> headers = Gcc.dependencies(dir, "liburing.h").stream()
                .filter(p -> p.endsWith("liburing.h") || p.endsWith(Path.of("liburing", "io_uring.h")))
                .toList();
        assertThat(headers).as("liburing.h and liburing/io_uring.h found by gcc -M").hasSize(2);
        compareConstants("liburing.h", headers);
    }

    @Test
    void constantsMatchKernelHeader() throws IOException {
        List<Path> headers = Gcc.dependencies(dir, "linux/io_uring.h").stream()
                .filter(p -> p.endsWith(Path.of("linux", "io_uring.h")))
                .toList();
        assertThat(headers).as("linux/io_uring.h found by gcc -M").hasSize(1);
        compareConstants("linux/io_uring.h", headers);
    }

    @Test
    void libcConstantsAndErrnoMatchSystemHeaders() throws IOException {
        Map<String, Long> java = new TreeMap<>();
        for (Class<?> header : List.of(LibcAbi.class, ArchConstants.class)) {
            for (Method m : header.getMethods()) {
                if (isConstantAccessor(m)) {
                    java.put(m.getName(), javaValue(m));
                }
            }
        }
        for (Errno e : Errno.values()) {
            java.put(e.name(), (long) e.number());
        }
        assertThat(java).containsKeys("RLIMIT_MEMLOCK", "SYS_io_uring_enter", "MAP_POPULATE", "EAGAIN", "ENOBUFS",
                "AF_INET6", "MSG_NOSIGNAL", "O_CLOEXEC", "O_DIRECT", "SYS_preadv2", "STATX_DIOALIGN",
                // what SocketConstantsTest checked before SocketConstants became generated
                "SO_KEEPALIVE", "SO_LINGER", "IPPROTO_IP", "IPPROTO_IPV6", "IP_TOS", "IPV6_V6ONLY", "IPV6_TCLASS",
                "TCP_KEEPIDLE", "TCP_KEEPINTVL", "TCP_KEEPCNT", "SHUT_WR", "UDP_SEGMENT", "UDP_GRO");
        StringBuilder src = new StringBuilder("""
                #define _GNU_SOURCE
                #include <stdio.h>
                #include <errno.h>
                #include <sys/mman.h>
                #include <sys/resource.h>
                #include <sys/eventfd.h>
                #include <sys/syscall.h>
                #include <sys/socket.h>
                #include <netinet/in.h>
                #include <netinet/tcp.h>
                #include <fcntl.h>
                #include <sys/uio.h>
                #include <stddef.h>
                #include <sys/stat.h>
                #include <sys/un.h>
                #include <netinet/udp.h>
                #define P(x) printf("const %s %zu %lld\\n", #x, sizeof(x), (long long)(x))
                int main(void) {
                """);
        java.keySet().forEach(name -> src.append("    P(").append(name).append(");\n"));
        src.append("    return 0;\n}\n");
        Map<String, long[]> c = parseConstants(Gcc.compileAndRun(dir, "libc_constants", src.toString()));
        List<String> problems = new ArrayList<>();
        java.forEach((name, value) -> {
            long[] sizeAndValue = c.get(name);
            if (sizeAndValue == null) {
                problems.add(name + ": not printed by the C program");
            } else if (masked(value, sizeAndValue[0]) != masked(sizeAndValue[1], sizeAndValue[0])) {
                problems.add(name + ": Java " + value + " but C " + sizeAndValue[1]);
            }
        });
        assertThat(problems).as("libc constants and errno values that differ from the system headers").isEmpty();
    }

    // ---- structs ----

    private static String probeSource() throws IOException {
        try (InputStream in = LayoutConformanceTest.class.getResourceAsStream("layout_probe.c")) {
            assertThat(in).as("test resource layout_probe.c").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    static Map<String, Struct> parseLayouts(String output) {
        Map<String, Struct> structs = new LinkedHashMap<>();
        for (String line : output.split("\n")) {
            String[] t = line.trim().split(" ");
            switch (t[0]) {
                case "struct" -> structs.put(t[1], new Struct(Long.parseLong(t[2]), Long.parseLong(t[3]), new LinkedHashMap<>()));
                case "field" -> structs.get(t[1]).fields().put(t[2], new Field(Long.parseLong(t[3]), Long.parseLong(t[4])));
                case "" -> { }
                default -> throw new AssertionError("unexpected probe output: " + line);
            }
        }
        return structs;
    }

    /** Leaf fields of a layout: anonymous groups ($anon$...) are flattened, named members are leaves. */
    static Map<String, Field> javaFields(GroupLayout layout) {
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(layout, 0, fields);
        return fields;
    }

    private static void collect(GroupLayout group, long base, Map<String, Field> out) {
        long offset = 0;
        boolean union = group instanceof java.lang.foreign.UnionLayout;
        for (MemoryLayout member : group.memberLayouts()) {
            String name = member.name().orElse("");
            if (member instanceof GroupLayout g && name.startsWith("$anon$")) {
                collect(g, base + offset, out);
            } else if (!(member instanceof PaddingLayout)) {
                out.put(name, new Field(base + offset, member.byteSize()));
            }
            if (!union) {
                offset += member.byteSize();
            }
        }
    }

    /** liburing's own structs: not in the kernel header. */
    static final Set<String> LIBURING_ONLY = Set.of("io_uring", "io_uring_sq", "io_uring_cq");

    private static void compareStructs(Map<String, Struct> c, Set<String> notInThisHeader) {
        List<String> problems = new ArrayList<>();
        for (var e : JAVA_STRUCTS.entrySet()) {
            String name = e.getKey();
            GroupLayout java = e.getValue();
            Struct cs = c.get(name);
            if (cs == null) {
                if (!notInThisHeader.contains(name)) {
                    problems.add("struct " + name + ": bound in Java but not printed by the probe");
                }
                continue;
            }
            assertThat(java.name()).as("layout name of " + name).contains(name);
            if (cs.size() != java.byteSize()) {
                problems.add("struct " + name + ": sizeof C " + cs.size() + " Java " + java.byteSize());
            }
            if (cs.align() != java.byteAlignment()) {
                problems.add("struct " + name + ": alignment C " + cs.align() + " Java " + java.byteAlignment());
            }
            Map<String, Field> jf = javaFields(java);
            cs.fields().forEach((field, cf) -> {
                Field f = jf.get(field);
                if (f == null) {
                    problems.add(name + "." + field + ": in the C header, missing in Java");
                } else if (!f.equals(cf)) {
                    problems.add(name + "." + field + ": C offset/size " + cf + " Java " + f);
                }
            });
            jf.keySet().stream()
                    .filter(field -> !cs.fields().containsKey(field))
                    .forEach(field -> problems.add(name + "." + field + ": in Java, not in the C header"));
        }
        for (String name : c.keySet()) {
            if (!JAVA_STRUCTS.containsKey(name)) {
                problems.add("struct " + name + ": printed by the probe but not bound");
            }
        }
        assertThat(problems).as("struct layout differences between the C headers and the Java bindings").isEmpty();
        System.out.println("[layout] " + c.size() + " structs match");
    }

    // ---- constants ----

    private void compareConstants(String label, List<Path> headers) throws IOException {
        Set<String> macros = new TreeSet<>();
        Set<String> enums = new TreeSet<>();
        for (Path h : headers) {
            String text = stripComments(Files.readString(h));
            macros.addAll(objectLikeMacros(text));
            enums.addAll(enumConstants(text));
        }
        assertThat(enums).as("enum constants in " + headers).contains("IORING_OP_NOP", "IORING_REGISTER_PBUF_RING");
        assertThat(macros).as("macros in " + headers).contains("IORING_SETUP_SQPOLL", "IORING_OFF_SQES");

        StringBuilder src = new StringBuilder("#define _GNU_SOURCE\n#include <stdio.h>\n#include <" + label + ">\n")
                .append("#define P(x) printf(\"const %s %zu %lld\\n\", #x, sizeof(x), (long long)(x))\n")
                .append("int main(void) {\n");
        for (String m : macros) {
            src.append("#ifdef ").append(m).append("\n    P(").append(m).append(");\n#endif\n");
        }
        for (String e : enums) {
            src.append("    P(").append(e).append(");\n");
        }
        src.append("    return 0;\n}\n");
        Map<String, long[]> c = parseConstants(Gcc.compileAndRun(dir, "constants", src.toString()));

        Map<String, Method> java = new TreeMap<>();
        for (Method m : LibUring.class.getMethods()) {
            if (isConstantAccessor(m)) {
                java.put(m.getName(), m);
            }
        }
        List<String> problems = new ArrayList<>();
        c.forEach((name, sizeAndValue) -> {
            Method m = java.get(name);
            long size = sizeAndValue[0];
            long cValue = sizeAndValue[1];
            if (m == null) {
                problems.add(name + ": defined by " + label + " (= " + cValue + "), missing in LibUring");
                return;
            }
            long javaSize = m.getReturnType() == long.class ? 8 : 4;
            long jValue = javaValue(m);
            if (javaSize != size) {
                problems.add(name + ": C width " + size + " bytes, Java " + m.getReturnType());
            } else if (name.endsWith("_LAST")) {
                if (masked(jValue, size) < masked(cValue, size)) {
                    problems.add(name + ": header sentinel " + cValue + " is above the bindings' " + jValue);
                }
            } else if (masked(jValue, size) != masked(cValue, size)) {
                problems.add(name + ": C " + cValue + " Java " + jValue);
            }
        });
        assertThat(problems).as("constants that differ between " + label + " and LibUring").isEmpty();
        Set<String> newer = new TreeSet<>(java.keySet());
        newer.removeAll(c.keySet());
        System.out.println("[constants] " + c.size() + " constants of " + label + " match; " + newer.size()
                + " LibUring constants are newer than it: " + newer);
    }

    static boolean isConstantAccessor(Method m) {
        return Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                && (m.getReturnType() == int.class || m.getReturnType() == long.class)
                && m.getName().matches("[A-Z][A-Za-z0-9_]*");
    }

    private static long javaValue(Method m) {
        try {
            Object v = m.invoke(null);
            return v instanceof Integer i ? i : (Long) v;
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(m.toString(), e);
        }
    }

    private static long masked(long v, long size) {
        return size >= 8 ? v : v & ((1L << (size * 8)) - 1);
    }

    static Map<String, long[]> parseConstants(String output) {
        Map<String, long[]> out = new TreeMap<>();
        for (String line : output.split("\n")) {
            String[] t = line.trim().split(" ");
            if (t.length == 4 && t[0].equals("const")) {
                out.put(t[1], new long[] {Long.parseLong(t[2]), Long.parseLong(t[3])});
            }
        }
        return out;
    }

    static String stripComments(String text) {
        return text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("//[^\n]*", "");
    }

    private static final Pattern DEFINE = Pattern.compile("(?m)^\\s*#\\s*define\\s+([A-Za-z_][A-Za-z0-9_]*)([ \\t(].*)?$");

    /** Object-like macros with a value: no function-like macros, guards, reserved names or keyword values. */
    static Set<String> objectLikeMacros(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = DEFINE.matcher(text.replace("\\\n", " "));
        while (m.find()) {
            String name = m.group(1);
            String rest = m.group(2) == null ? "" : m.group(2);
            if (rest.startsWith("(") || rest.isBlank() || name.startsWith("_") || NON_INTEGER_MACROS.contains(name)) {
                continue;
            }
            String value = rest.trim();
            if (value.contains("\"") || value.contains("{") || value.matches("^(static|inline|extern|__attribute__).*")) {
                continue;
            }
            names.add(name);
        }
        return names;
    }

    private static final Pattern ENUM = Pattern.compile("enum\\s*[A-Za-z0-9_]*\\s*\\{([^}]*)}");

    static Set<String> enumConstants(String text) {
        Set<String> names = new TreeSet<>();
        Matcher m = ENUM.matcher(text);
        while (m.find()) {
            for (String item : m.group(1).split(",")) {
                Matcher id = Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_]*)").matcher(item);
                if (id.find()) {
                    names.add(id.group(1));
                }
            }
        }
        return names;
    }
}
