package dev.iobuf.examples;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A small command-line parser: positional arguments, {@code --name value} or {@code --name=value}
 * options, and {@code --flag} switches. Every mistake is a {@link ToolException#usage} naming it and
 * showing the usage line.
 */
final class CommandLine {
    private final String usage;
    private final List<String> positional = new ArrayList<>();
    private final Map<String, String> values = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private CommandLine(String usage) {
        this.usage = usage;
    }

    /**
     * @param valueOptions options that take a value, e.g. {@code "--qd"}
     * @param flagOptions options without a value, e.g. {@code "--direct"}
     */
    static CommandLine parse(String[] args, Set<String> valueOptions, Set<String> flagOptions, String usage) {
        CommandLine c = new CommandLine(usage);
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--") || a.equals("--")) {
                c.positional.add(a);
                continue;
            }
            int eq = a.indexOf('=');
            String name = eq < 0 ? a : a.substring(0, eq);
            if (flagOptions.contains(name)) {
                if (eq >= 0) {
                    throw c.error(name + " takes no value");
                }
                c.flags.add(name);
            } else if (valueOptions.contains(name)) {
                String value;
                if (eq >= 0) {
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    throw c.error(name + " needs a value");
                }
                c.values.put(name, value);
            } else {
                throw c.error("unknown option " + name);
            }
        }
        return c;
    }

    /** Whether {@code --help} or {@code -h} is among {@code args}. */
    static boolean wantsHelp(String[] args) {
        for (String a : args) {
            if (a.equals("--help") || a.equals("-h")) {
                return true;
            }
        }
        return false;
    }

    ToolException error(String problem) {
        return ToolException.usage(problem + "; usage: " + usage);
    }

    /** Insists on exactly {@code n} positional arguments. */
    void expectPositional(int n, String what) {
        if (positional.size() != n) {
            throw error("expected " + what + ", got " + (positional.isEmpty() ? "nothing" : String.join(" ", positional)));
        }
    }

    String positional(int i) {
        return positional.get(i);
    }

    boolean flag(String name) {
        return flags.contains(name);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String value(String name) {
        return values.get(name);
    }

    /** The value of {@code name} as a long in {@code min .. max}, or {@code dflt} when absent. */
    long longValue(String name, long dflt, long min, long max) {
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        long n;
        try {
            n = Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw error(name + " must be a whole number, got '" + v + "'");
        }
        if (n < min || n > max) {
            throw error(name + " must be in " + min + " .. " + max + ", got " + n);
        }
        return n;
    }

    int intValue(String name, int dflt, int min, int max) {
        return (int) longValue(name, dflt, min, max);
    }

    /**
     * The value of {@code name} as a duration in nanoseconds: {@code 10}, {@code 10s}, {@code 500ms},
     * {@code 2m}; {@code dflt} when absent.
     */
    long durationNanos(String name, long dflt) {
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        return parseDuration(name, v);
    }

    /** As {@link #durationNanos}, where {@code 0} or {@code off} means off (returned as 0). */
    long durationNanosOrOff(String name, long dflt) {
        String v = values.get(name);
        if (v == null) {
            return dflt;
        }
        String s = v.strip();
        return s.equals("0") || s.equalsIgnoreCase("off") ? 0 : parseDuration(name, v);
    }

    private long parseDuration(String name, String v) {
        String s = v.strip().toLowerCase(java.util.Locale.ROOT);
        long unit = 1_000_000_000L;
        if (s.endsWith("ms")) {
            unit = 1_000_000L;
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("s")) {
            s = s.substring(0, s.length() - 1);
        } else if (s.endsWith("m")) {
            unit = 60_000_000_000L;
            s = s.substring(0, s.length() - 1);
        }
        try {
            double amount = Double.parseDouble(s);
            if (!(amount > 0) || amount * unit > 1e15) {
                throw error(name + " must be a positive duration up to ~11 days, got '" + v + "'");
            }
            return (long) (amount * unit);
        } catch (NumberFormatException e) {
            throw error(name + " must be a duration like 10s, 500ms or 2m, got '" + v + "'");
        }
    }
}
