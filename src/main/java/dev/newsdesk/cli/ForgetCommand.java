package dev.newsdesk.cli;

import dev.newsdesk.store.Store;
import dev.newsdesk.store.StoreSettings;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "forget", description = "Delete everything stored about one user: questions, answers, votes, citation reports.")
final class ForgetCommand implements Callable<Integer> {
    @Mixin
    CommonOptions common;

    @Option(names = "--user", required = true, paramLabel = "ID", description = "The user's id (Discord user id, or the CLI user).")
    String user;

    @Override
    public Integer call() throws Exception {
        if (user.isBlank()) {
            throw new IllegalArgumentException("--user is empty; give the user's id, e.g. --user 123456789012345678");
        }
        // The store is opened on its own: forgetting must work without an index.
        StoreSettings settings = App.create(common).storeSettings();
        try (Store store = Store.open(settings)) {
            int removed = store.forgetUser(user);
            common.out().printf("Forgot user %s: %d stored rows deleted (%s).%n", user, removed, settings.describe());
            return 0;
        }
    }
}
