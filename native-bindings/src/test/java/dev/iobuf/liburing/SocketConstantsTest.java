package dev.iobuf.liburing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every constant of {@link SocketConstants} equals the C headers' value (gcc prints them). */
class SocketConstantsTest {

    @Test
    void everyConstantMatchesTheCHeaders(@TempDir Path dir) throws Exception {
        Gcc.assumeAvailable();
        Map<String, Integer> ours = new LinkedHashMap<>();
        for (Field f : SocketConstants.class.getFields()) {
            if (Modifier.isStatic(f.getModifiers()) && f.getType() == int.class) {
                ours.put(f.getName(), f.getInt(null));
            }
        }
        StringBuilder c = new StringBuilder("#include <stdio.h>\n#include <sys/socket.h>\n#include <netinet/in.h>\n"
                + "#include <netinet/tcp.h>\nint main(void) {\n");
        for (String name : ours.keySet()) {
            c.append("    printf(\"").append(name).append("=%d\\n\", ").append(name).append(");\n");
        }
        c.append("    return 0;\n}\n");
        Map<String, Integer> fromC = new LinkedHashMap<>();
        for (String line : Gcc.compileAndRun(dir, "socket_constants", c.toString()).split("\n")) {
            if (line.contains("=")) {
                fromC.put(line.substring(0, line.indexOf('=')), Integer.parseInt(line.substring(line.indexOf('=') + 1).trim()));
            }
        }
        assertThat(ours).hasSize(10).isEqualTo(fromC);
    }
}
