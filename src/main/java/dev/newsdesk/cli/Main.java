package dev.newsdesk.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point: picocli dispatches to one class per subcommand; errors become one line, not a stack trace. */
// scope INHERIT: every subcommand gets --help/--version, and --help is honoured before required arguments are checked
@Command(name = "newsdesk", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, versionProvider = VersionProvider.class,
        description = "Answers questions about a corpus of news coverage, with checked citations.",
        exitCodeListHeading = "%nExit status:%n",
        exitCodeList = {"0:done", "1:failed (the message says why and what to do)", "2:usage error (a bad option, value or outlet)",
                "3:the launcher found no JDK 21+ or could not build", "4:done, but some inputs were skipped (each is listed)"},
        subcommands = {IngestCommand.class, SearchCommand.class, AskCommand.class, CiteCommand.class,
                StatsCommand.class, BenchCommand.class, EvalCommand.class, SummaryCommand.class, CompareCommand.class,
                TimelineCommand.class, BotCommand.class, ServeCommand.class, ForgetCommand.class, HistoryCommand.class, FeedbackCommand.class,
                InsightsCommand.class, ExportFeedbackCommand.class, CompletionCommand.class, SourcesCommand.class, PollCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    /** Exit status when a run completed but skipped some inputs (each reported with its path and reason). */
    public static final int EXIT_PARTIAL = 4;
    public static final int EXIT_ERROR = 1;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    /**
     * Lucene logs through java.util.logging that the Vector API module is not enabled; scalar code is fast enough
     * here and the warning would be noise on every command. Held in a field: JUL keeps loggers only weakly.
     */
    private static final java.util.logging.Logger LUCENE_VECTOR_LOG = quiet("org.apache.lucene.internal.vectorization");

    private static java.util.logging.Logger quiet(String name) {
        java.util.logging.Logger l = java.util.logging.Logger.getLogger(name);
        l.setLevel(java.util.logging.Level.SEVERE);
        return l;
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(System.out, true);
        PrintWriter err = new PrintWriter(System.err, true);
        int status = run(args, out, err);
        // auto-flush covers println/printf only; whatever a command print()ed must not be lost at exit
        out.flush();
        err.flush();
        System.exit(status);
    }

    /** Runs a command line with the given output streams; used by tests to run commands in process. */
    public static int run(String[] args, PrintWriter out, PrintWriter err) {
        return run(args, out, err, System.getenv());
    }

    /** @param env the environment; NO_COLOR (https://no-color.org) set to anything but "" turns colours off */
    static int run(String[] args, PrintWriter out, PrintWriter err, java.util.Map<String, String> env) {
        CommandLine cl = new CommandLine(new Main());
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(ansi(env)));
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        Converters.register(cl);
        cl.setParameterExceptionHandler(Converters::handle);
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            commandLine.getErr().println("newsdesk: " + Errors.describe(ex));
            if (ex instanceof UsageError) return 2;
            org.slf4j.LoggerFactory.getLogger(Main.class).debug("command failed", ex);
            return EXIT_ERROR;
        });
        return cl.execute(args);
    }

    /** Colours only where picocli would use them (a terminal) and NO_COLOR does not ask for none. */
    static CommandLine.Help.Ansi ansi(java.util.Map<String, String> env) {
        String noColor = env.get("NO_COLOR");
        return noColor != null && !noColor.isEmpty() ? CommandLine.Help.Ansi.OFF : CommandLine.Help.Ansi.AUTO;
    }
}
