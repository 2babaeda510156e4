package dev.iobuf.uring.net;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The UDP constants and the control-message arithmetic {@link DatagramSockets} derives from the generated layouts
 * ({@code CMSG_SPACE}) equal glibc's macros (gcc prints them).
 */
class DatagramSocketsTest {

    @Test
    void constantsAndCmsgArithmeticMatchTheCHeaders(@TempDir Path dir) throws Exception {
        Path src = dir.resolve("udp.c");
        Files.writeString(src, """
                #include <stdio.h>
                #include <stddef.h>
                #include <sys/socket.h>
                #include <netinet/in.h>
                #include <netinet/udp.h>
                int main(void) {
                    printf("SOL_UDP=%d\\nUDP_SEGMENT=%d\\nUDP_GRO=%d\\nMSG_TRUNC=%d\\n", SOL_UDP, UDP_SEGMENT, UDP_GRO, MSG_TRUNC);
                    printf("CMSG_HEADER=%d\\nCMSG_LEVEL=%d\\nCMSG_TYPE=%d\\n", (int) CMSG_LEN(0),
                           (int) offsetof(struct cmsghdr, cmsg_level), (int) offsetof(struct cmsghdr, cmsg_type));
                    printf("CMSG_SPACE_2=%d\\nCMSG_SPACE_4=%d\\n", (int) CMSG_SPACE(2), (int) CMSG_SPACE(4));
                    return 0;
                }
                """);
        Process gcc;
        try {
            gcc = new ProcessBuilder("gcc", "-o", dir.resolve("udp").toString(), src.toString()).redirectErrorStream(true).start();
        } catch (java.io.IOException e) {
            Assumptions.abort("gcc is not installed (scripts/test.sh installs it): cannot compare with the C headers");
            return;
        }
        String log = new String(gcc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(gcc.waitFor(60, TimeUnit.SECONDS) && gcc.exitValue() == 0).as("gcc: %s", log).isTrue();
        Process run = new ProcessBuilder(dir.resolve("udp").toString()).start();
        Map<String, Integer> fromC = new LinkedHashMap<>();
        for (String line : new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
            fromC.put(line.substring(0, line.indexOf('=')), Integer.parseInt(line.substring(line.indexOf('=') + 1)));
        }
        Map<String, Integer> ours = new LinkedHashMap<>();
        ours.put("SOL_UDP", DatagramSockets.SOL_UDP);
        ours.put("UDP_SEGMENT", DatagramSockets.UDP_SEGMENT);
        ours.put("UDP_GRO", DatagramSockets.UDP_GRO);
        ours.put("MSG_TRUNC", DatagramSockets.MSG_TRUNC);
        ours.put("CMSG_HEADER", DatagramSockets.CMSG_HEADER);
        ours.put("CMSG_LEVEL", DatagramSockets.CMSG_LEVEL);
        ours.put("CMSG_TYPE", DatagramSockets.CMSG_TYPE);
        ours.put("CMSG_SPACE_2", DatagramSockets.cmsgSpace(2));
        ours.put("CMSG_SPACE_4", DatagramSockets.cmsgSpace(4));
        assertThat(ours).isEqualTo(fromC);
    }
}
