package io.loupe.appliance;

import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.ConfigException;
import io.loupe.appliance.config.ConfigValidator;
import io.loupe.appliance.config.WebConfig;
import io.loupe.appliance.web.ApiToken;
import io.loupe.appliance.web.ConfigReload;
import io.loupe.appliance.web.WebSecurity;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.exceptions.ApplicationStartupException;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The appliance plus its Micronaut web server, started from a configuration file and stopped together. A reload
 * ({@link #reload()}, {@code POST /api/config/reload}, SIGHUP) checks the file again and, when it is clean, restarts both
 * from it in the same process; when the new configuration fails to start, the previous one is started again.
 */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final Path configFile;
    private volatile AppliancePlan plan;
    private volatile Appliance appliance;
    private volatile ApplicationContext context;
    private volatile long generation;
    private final AtomicBoolean reloadPending = new AtomicBoolean();
    private boolean closed;

    private Daemon(Path configFile) {
        this.configFile = configFile;
    }

    /**
     * Checks the configuration, starts the appliance, then the web server.
     *
     * @throws ConfigException    when the configuration has problems (nothing is started)
     * @throws ApplianceException when a component the configuration requires cannot start (nothing is left running)
     */
    public static Daemon start(Path configFile) throws ConfigException, ApplianceException {
        Daemon daemon = new Daemon(configFile);
        daemon.startFrom(daemon.check());
        return daemon;
    }

    /**
     * Reads and checks the configuration file as a start or reload would, starting nothing.
     *
     * @throws ConfigException when it has problems; each names its path, value and fix
     */
    public AppliancePlan check() throws ConfigException {
        return ConfigValidator.check(configFile, false);
    }

    /**
     * Stops the appliance and the web server and starts them again from the configuration file. The file is checked
     * first: with problems, nothing is stopped.
     *
     * @throws ConfigException    when the file has problems (the running appliance is left as it is)
     * @throws ApplianceException when the new configuration does not start; the previous one is running again
     */
    public synchronized void reload() throws ConfigException, ApplianceException {
        if (closed) {
            throw new IllegalStateException("the daemon was stopped; start a new one");
        }
        AppliancePlan next = check();
        AppliancePlan previous = plan;
        LOG.info("reloading {}", configFile);
        stopBoth();
        try {
            startFrom(next);
        } catch (ApplianceException e) {
            LOG.error("the reloaded configuration did not start ({}); starting the previous one again", e.getMessage());
            startFrom(previous);
            throw e;
        }
        LOG.info("reloaded {}", configFile);
    }

    /**
     * Reloads on a thread of its own after the current request has been answered; the outcome is logged. Requests that
     * come before that reload has read the file are the same reload, not one restart each.
     *
     * @return false when such a reload was already on its way
     */
    public boolean reloadSoon() {
        if (!reloadPending.compareAndSet(false, true)) {
            LOG.info("reload of {} already on its way", configFile);
            return false;
        }
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(200);
                reloadPending.set(false);
                reload();
            } catch (ConfigException | ApplianceException e) {
                LOG.error("reload of {} failed: {}", configFile, e.getMessage());
            } catch (InterruptedException e) {
                reloadPending.set(false);
                Thread.currentThread().interrupt();
            }
        }, "loupe-reload");
        t.setDaemon(false); // keeps the JVM alive while nothing else runs between stop and start
        t.start();
        return true;
    }

    private void startFrom(AppliancePlan next) throws ApplianceException {
        WebConfig web = next.config().web();
        WebSecurity security = new WebSecurity(token(next), web.protectReads());
        Appliance started = Appliance.start(next, Clock.systemUTC());
        ApplicationContext ctx;
        try {
            ctx = new ThrowingMicronaut()
                    .mainClass(Loupe.class)
                    .banner(false)
                    .properties(Map.of(
                            "micronaut.server.host", web.host(),
                            "micronaut.server.port", web.port() == 0 ? -1 : web.port()))
                    .singletons(started, security, new ConfigReload(this))
                    .start();
        } catch (RuntimeException e) {
            started.close();
            throw new ApplianceException("web server on " + web.host() + ":" + web.port() + " did not start: "
                    + rootMessage(e) + " (is the port taken? set web.port)", e);
        }
        plan = next;
        appliance = started;
        context = ctx;
        generation++;
        LOG.info("web: status page on http://{}:{}/", "0.0.0.0".equals(web.host()) ? "localhost" : web.host(),
                port());
    }

    private static ApiToken token(AppliancePlan plan) throws ApplianceException {
        WebConfig web = plan.config().web();
        Path file = web.tokenFile() != null ? web.tokenFile() : plan.config().appliance().dataDir().resolve("web-token");
        try {
            return ApiToken.resolve(web.token(), file);
        } catch (IOException e) {
            throw new ApplianceException("web API token: " + e.getMessage() + " (set web.token, or make "
                    + file.getParent() + " writable)", e);
        }
    }

    public Appliance appliance() {
        return appliance;
    }

    /** How many times the appliance was started (1 after start, +1 per reload). */
    public long generation() {
        return generation;
    }

    /** The port the web server listens on. */
    public int port() {
        return context.getBean(EmbeddedServer.class).getPort();
    }

    /** Stops the web server, then the appliance. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("stopping");
        stopBoth();
    }

    private void stopBoth() {
        try {
            if (context.isRunning()) {
                context.close();
            }
        } finally {
            appliance.close();
        }
    }

    /**
     * Micronaut's launcher, except that a web server that cannot start (a port taken) throws: Micronaut's own ends the
     * JVM with {@code System.exit} outside tests, which would stop the appliance instead of letting {@link #reload()}
     * start the previous configuration again.
     */
    private static final class ThrowingMicronaut extends Micronaut {
        @Override
        protected void handleStartupException(Environment environment, Throwable exception) {
            throw new ApplicationStartupException("the web server did not start: " + exception.getMessage(), exception);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }
}
