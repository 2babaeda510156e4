package dev.iobuf.bench.http;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Command line of the peer servers and the load client: {@code --name value} pairs, each name
 * known to the program, each value checked. A mistake stops the program with a message that names
 * the option and what it accepts, never a stack trace.
 */
final class ServerOptions {
    private final String program;
    private final Map<String, String> values = new HashMap<>();

    private ServerOptions(String program) {
        this.program = program;
    }

    /** Parses {@code args}; every option must be one of {@code known} and carry a value. */
    static ServerOptions parse(String program, String[] args, Set<String> known) {
        ServerOptions options = new ServerOptions(program);
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || !known.contains(name.substring(2))) {
                throw options.usage("unknown option '" + name + "'");
            }
            if (i + 1 == args.length) {
                throw options.usage("option " + name + " needs a value");
            }
            options.values.put(name.substring(2), args[++i]);
        }
        return options;
    }

    /** An integer option in {@code [min, max]}, or {@code fallback} when absent. */
    int intValue(String name, int fallback, int min, int max) {
        String raw = values.get(name);
        if (raw == null) {
            return fallback;
        }
        int v;
        try {
            v = Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            throw usage("--" + name + " must be an integer, got '" + raw + "'");
        }
        if (v < min || v > max) {
            throw usage("--" + name + " must be in [" + min + ", " + max + "], got " + v);
        }
        return v;
    }

    /** A string option that must be one of {@code choices}, or {@code fallback} when absent. */
    String choice(String name, String fallback, Set<String> choices) {
        String v = values.getOrDefault(name, fallback);
        if (!choices.contains(v)) {
            throw usage("--" + name + " must be one of " + choices + ", got '" + v + "'");
        }
        return v;
    }

    /** A string option, or {@code fallback} when absent. */
    String string(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    private IllegalArgumentException usage(String problem) {
        return new IllegalArgumentException(program + ": " + problem);
    }

    /** Runs {@code body}; a bad command line ends the program with exit code 2 and its message. */
    static void run(String[] args, ThrowingMain body) {
        try {
            body.run(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (Exception e) {
            e.printStackTrace();
            System.exit(1);
        }
    }

    @FunctionalInterface
    interface ThrowingMain {
        void run(String[] args) throws Exception;
    }
}
