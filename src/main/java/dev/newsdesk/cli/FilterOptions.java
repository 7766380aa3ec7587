package dev.newsdesk.cli;

import dev.newsdesk.retrieve.Filters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine.Option;

/** --outlet / --since / --until, shared by every command that retrieves. */
final class FilterOptions {
    @Option(names = "--outlet", paramLabel = "NAME", description = "Only this outlet (repeatable, or comma-separated).")
    List<String> outlets = new ArrayList<>();

    @Option(names = "--since", paramLabel = "YYYY-MM-DD", description = "Only articles published on or after this date.")
    LocalDate since;

    @Option(names = "--until", paramLabel = "YYYY-MM-DD", description = "Only articles published on or before this date.")
    LocalDate until;

    Filters toFilters() {
        List<String> all = outlets.stream().flatMap(o -> Arrays.stream(o.split(","))).toList();
        return new Filters(all, since, until);
    }
}
