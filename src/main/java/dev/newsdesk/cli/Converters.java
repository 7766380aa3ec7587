package dev.newsdesk.cli;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import picocli.CommandLine;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.TypeConversionException;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Our own converters for every option type, so a bad value reads {@code --since 2024-99-99 is not a date; use
 * YYYY-MM-DD (e.g. 2024-04-16)} rather than picocli's default, which quotes Java's class and exception names.
 * A converter's message is the part after the value; {@link #handler} puts the option and the value in front.
 */
final class Converters {
    /** Types every option uses; {@code UserFacingErrorsTest} fails when an option of another type appears. */
    static final java.util.Set<Class<?>> HANDLED = java.util.Set.of(String.class, boolean.class, Boolean.class, LocalDate.class,
            int.class, Integer.class, long.class, Long.class, double.class, Double.class, Path.class);

    private Converters() {
    }

    static void register(CommandLine cl) {
        ITypeConverter<LocalDate> date = s -> {
            try {
                return LocalDate.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("is not a date; use YYYY-MM-DD (e.g. 2024-04-16)");
            }
        };
        ITypeConverter<Integer> integer = s -> {
            try {
                return Integer.parseInt(s.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("is not a whole number; give digits, e.g. 10");
            }
        };
        ITypeConverter<Long> longs = s -> {
            try {
                return Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw new TypeConversionException("is not a whole number; give digits, e.g. 10");
            }
        };
        ITypeConverter<Double> real = s -> {
            try {
                double d = Double.parseDouble(s.strip());
                if (!Double.isFinite(d)) throw new NumberFormatException();
                return d;
            } catch (NumberFormatException e) {
                throw new TypeConversionException("is not a number; give one like 0.5");
            }
        };
        ITypeConverter<Path> path = s -> {
            try {
                return Path.of(s);
            } catch (InvalidPathException e) {
                throw new TypeConversionException("is not a usable file name here (" + e.getReason() + "); rename it or pick another path");
            }
        };
        cl.registerConverter(LocalDate.class, date);
        cl.registerConverter(Integer.class, integer);
        cl.registerConverter(int.class, integer);
        cl.registerConverter(Long.class, longs);
        cl.registerConverter(long.class, longs);
        cl.registerConverter(Double.class, real);
        cl.registerConverter(double.class, real);
        cl.registerConverter(Path.class, path);
    }

    /**
     * One line per usage error and a pointer to --help, instead of the whole usage text; an unknown command or
     * option keeps picocli's "Did you mean" suggestions. Exit status 2.
     */
    static int handle(ParameterException ex, String[] args) {
        CommandLine c = ex.getCommandLine();
        java.io.PrintWriter err = c.getErr();
        err.println("newsdesk: " + message(ex));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
        err.flush();
        return 2;
    }

    static String message(ParameterException ex) {
        if (ex.getCause() instanceof TypeConversionException t) {
            ArgSpec spec = ex.getArgSpec();
            String name = spec instanceof OptionSpec o ? o.longestName() : spec == null ? "value" : spec.paramLabel();
            return name + " " + shown(ex.getValue()) + " " + t.getMessage();
        }
        // picocli says "Unmatched arguments from index 0: 'serch', 'x'"; a newcomer mistyped a command name
        if (ex instanceof UnmatchedArgumentException u && !ex.getCommandLine().getSubcommands().isEmpty()
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().getFirst().startsWith("-")
                && ex.getCommandLine().getParseResult() != null && ex.getCommandLine().getParseResult().originalArgs().indexOf(u.getUnmatched().getFirst()) == 0) {
            return "unknown command " + shown(u.getUnmatched().getFirst());
        }
        return String.valueOf(ex.getMessage());
    }

    /** The value as typed, quoted when it holds spaces or is empty, cut when very long. */
    static String shown(String value) {
        if (value == null) return "''";
        String v = (value.length() > 60 ? value.substring(0, 57) + "..." : value).replaceAll("\\p{Cntrl}", "?");
        return v.isEmpty() || v.chars().anyMatch(Character::isWhitespace) ? "'" + v + "'" : v;
    }

}
