package dev.iobuf.uring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iobuf.uring.net.EventLoopGroup;
import dev.iobuf.uring.net.Listener;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.ServerSocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Unix socket files and permissions, as a user who lacks them ({@link UnprivilegedChild}: uid 65534 under root,
 * which would bypass every check): listening in a folder it may not write fails naming the remedy (a fresh path:
 * bind's EACCES; a stale file there: it cannot be removed and is left), and who may connect is the socket file's
 * mode (600 of another user: refused; 666: served).
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class UnixSocketPermissionTest {

    @Test
    void aFolderAndASocketFileThisUserMayNotWriteAreRefusedWithTheRemedy() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "iobuf-unix-perm-");
        EventLoopGroup group = null;
        try {
            try (ServerSocketChannel crashed = ServerSocketChannel.open(StandardProtocolFamily.UNIX)) {
                crashed.bind(UnixDomainSocketAddress.of(dir.resolve("stale.sock")));
            }   // left behind, as by a server that died
            Files.setPosixFilePermissions(dir.resolve("stale.sock"), PosixFilePermissions.fromString("rwxrwxrwx"));
            group = EventLoopGroup.builder().threads(1).daemon(true).build();
            Listener privateOne = group.listen(UnixDomainSocketAddress.of(dir.resolve("private.sock")),
                    (c, buffer, offset, length) -> c.write(buffer, offset, length));
            Listener publicOne = group.listen(UnixDomainSocketAddress.of(dir.resolve("public.sock")),
                    (c, buffer, offset, length) -> c.write(buffer, offset, length));
            Files.setPosixFilePermissions(dir.resolve("private.sock"), PosixFilePermissions.fromString("rw-------"));
            Files.setPosixFilePermissions(dir.resolve("public.sock"), PosixFilePermissions.fromString("rw-rw-rw-"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-xr-xr-x"));     // nobody writes here

            List<String> lines = UnprivilegedChild.run(8L << 20, UnixSocketPermissionProbe.class, dir.toString());    // 8 MiB: at most the usual hard limit
            String all = String.join("\n", lines);
            if (all.contains("NO_RING")) {
                Assumptions.abort("io_uring is not usable by an unprivileged user here: " + all);
            }
            assertThat(line(lines, "FRESH_REFUSED")).as(all).contains("EACCES", "cannot create the socket file",
                    "directory it may write to");
            assertThat(line(lines, "STALE_KEPT")).as(all).contains("EADDRINUSE", "cannot be removed",
                    "write permission on its directory");
            assertThat(line(lines, "DENIED")).as(all).contains("refused", "Permission denied");
            assertThat(line(lines, "ECHO")).as(all).isEqualTo("ECHO ok");
            assertThat(line(lines, "DONE")).as(all).isEqualTo("DONE clean=true");
            assertThat(dir.resolve("stale.sock")).as("the stale file it could not remove is still there").exists();

            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            privateOne.close();
            publicOne.close();
            assertThat(dir.resolve("private.sock")).doesNotExist();
            assertThat(dir.resolve("public.sock")).doesNotExist();
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
            if (group != null) {
                group.close();
                assertThat(group.counters().isQuiescent()).as("%s", group.counters()).isTrue();
            }
            try (var files = Files.list(dir)) {
                for (Path p : files.toList()) {
                    Files.delete(p);
                }
            }
            Files.delete(dir);
        }
    }

    private static String line(List<String> lines, String step) {
        Optional<String> l = lines.stream().filter(s -> s.startsWith(step + " ") || s.equals(step)).findFirst();
        assertThat(l).as("probe step %s in %s", step, lines).isPresent();
        return l.get();
    }
}
