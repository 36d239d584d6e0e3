package io.werkbridge.privacy.gate;

import io.werkbridge.privacy.policy.PolicyException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.ClosedWatchServiceException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the policy when a file in its folder changes (only for {@code file:} locations; the classpath copy cannot
 * change). Changes arriving close together are taken as one reload. A rejected reload keeps the policy in force.
 */
public final class PolicyWatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PolicyWatcher.class);
    private static final long SETTLE_MS = 300;
    private final PolicyStore store;
    private final WatchService watcher;
    private final Thread thread;

    /** Watches the store's folder when its location is on disk; for a classpath location it does nothing. */
    public PolicyWatcher(PolicyStore store) throws IOException {
        this.store = store;
        String location = store.location();
        if (!location.startsWith("file:")) {
            this.watcher = null;
            this.thread = null;
            return;
        }
        Path folder = location.startsWith("file:/") ? Path.of(URI.create(location)) : Path.of(location.substring("file:".length())).toAbsolutePath();
        this.watcher = FileSystems.getDefault().newWatchService();
        folder.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY,
                StandardWatchEventKinds.ENTRY_DELETE);
        this.thread = new Thread(this::run, "privacy-policy-watcher");
        this.thread.setDaemon(true);
        this.thread.start();
        LOG.info("watching {} for privacy policy changes", folder);
    }

    public boolean watching() {
        return thread != null;
    }

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                WatchKey key = watcher.take();
                drainSettled(key);
                reload();
            }
        } catch (InterruptedException | ClosedWatchServiceException stopped) {
            LOG.debug("privacy policy watcher stopped");
            Thread.currentThread().interrupt();
        }
    }

    /** Waits until no further change arrives for a moment, so an editor's save sequence gives one reload. */
    private void drainSettled(WatchKey first) throws InterruptedException {
        WatchKey key = first;
        while (key != null) {
            key.pollEvents();
            key.reset();
            key = watcher.poll(SETTLE_MS, TimeUnit.MILLISECONDS);
        }
    }

    private void reload() {
        try {
            store.reload();
        } catch (PolicyException rejected) {
            LOG.warn("privacy policy change rejected; the previous policy stays in force ({} problem(s))", rejected.problems().size());
        }
    }

    @Override
    public void close() throws IOException {
        if (thread != null) {
            thread.interrupt();
            watcher.close();
        }
    }
}
