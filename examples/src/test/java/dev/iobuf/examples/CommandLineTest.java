package dev.iobuf.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {
    private static CommandLine parse(String... args) {
        return CommandLine.parse(args, Set.of("--qd", "--duration"), Set.of("--direct"), "tool <x>");
    }

    @Test
    void optionsTakeTheirValueSeparatedOrAfterAnEqualsSign() {
        CommandLine c = parse("a", "--qd", "8", "b", "--direct", "--duration=1.5s");
        c.expectPositional(2, "two");
        assertThat(c.positional(0)).isEqualTo("a");
        assertThat(c.positional(1)).isEqualTo("b");
        assertThat(c.intValue("--qd", 32, 1, 64)).isEqualTo(8);
        assertThat(c.flag("--direct")).isTrue();
        assertThat(c.durationNanos("--duration", 0)).isEqualTo(1_500_000_000L);
        assertThat(parse().intValue("--qd", 32, 1, 64)).as("default").isEqualTo(32);
    }

    @Test
    void durationsTakeUnits() {
        assertThat(parse("--duration", "250ms").durationNanos("--duration", 0)).isEqualTo(250_000_000L);
        assertThat(parse("--duration", "2m").durationNanos("--duration", 0)).isEqualTo(120_000_000_000L);
        assertThat(parse("--duration", "3").durationNanos("--duration", 0)).isEqualTo(3_000_000_000L);
    }

    @Test
    void mistakesAreUsageErrorsNamingTheProblem() {
        assertThatThrownBy(() -> parse("--qd")).isInstanceOf(ToolException.class).hasMessageContaining("--qd needs a value")
                .hasMessageContaining("usage: tool <x>")
                .satisfies(e -> assertThat(((ToolException) e).exitCode()).isEqualTo(ToolException.USAGE));
        assertThatThrownBy(() -> parse("--nope")).hasMessageContaining("unknown option --nope");
        assertThatThrownBy(() -> parse("--qd", "0").intValue("--qd", 1, 1, 9)).hasMessageContaining("must be in 1 .. 9, got 0");
        assertThatThrownBy(() -> parse("--duration", "0s").durationNanos("--duration", 1))
                .hasMessageContaining("positive duration");
        assertThatThrownBy(() -> parse("x").expectPositional(2, "<a> <b>")).hasMessageContaining("expected <a> <b>, got x");
    }
}
