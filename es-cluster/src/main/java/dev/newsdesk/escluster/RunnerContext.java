package dev.newsdesk.escluster;

import com.carrotsearch.randomizedtesting.RandomizedRunner;
import com.carrotsearch.randomizedtesting.annotations.ThreadLeakScope;
import com.carrotsearch.randomizedtesting.annotations.TimeoutSuite;
import java.nio.file.Path;
import org.junit.Test;
import org.junit.runner.RunWith;

/**
 * The randomized-runner context the engine's test node needs (it asks the runner for its random numbers): the
 * cluster runs as this one test, for as long as it is up. Options come as system properties set by
 * {@link LocalCluster#main}.
 */
@RunWith(RandomizedRunner.class)
@ThreadLeakScope(ThreadLeakScope.Scope.NONE)
@TimeoutSuite(millis = Integer.MAX_VALUE)
public class RunnerContext {
    static final String DATA = "escluster.data";
    static final String NODES = "escluster.nodes";
    static final String PORT = "escluster.port";

    @Test
    @com.carrotsearch.randomizedtesting.annotations.Timeout(millis = Integer.MAX_VALUE)
    public void cluster() throws Exception {
        LocalCluster.start(Path.of(System.getProperty(DATA)), Integer.getInteger(NODES), Integer.getInteger(PORT));
    }
}
