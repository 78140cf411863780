package io.loupe.appliance;

import io.loupe.appliance.config.AppliancePlan;
import io.loupe.appliance.config.ConfigException;
import io.loupe.appliance.config.ConfigLoader;
import io.loupe.appliance.config.ConfigValidator;
import io.loupe.appliance.config.WebConfig;
import io.loupe.appliance.web.ApiToken;
import io.loupe.appliance.web.WebSecurity;
import io.loupe.camera.FrameSourceRegistry;
import io.loupe.pipelines.PipelineRegistry;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.Micronaut;
import io.micronaut.runtime.server.EmbeddedServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/** The appliance plus its Micronaut web server, started from a configuration file and stopped together. */
public final class Daemon implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Daemon.class);

    private final Appliance appliance;
    private final ApplicationContext context;
    private boolean closed;

    private Daemon(Appliance appliance, ApplicationContext context) {
        this.appliance = appliance;
        this.context = context;
    }

    /**
     * Checks the configuration, starts the appliance, then the web server.
     *
     * @throws ConfigException    when the configuration has problems (nothing is started)
     * @throws ApplianceException when a component the configuration requires cannot start (nothing is left running)
     */
    public static Daemon start(Path configFile) throws ConfigException, ApplianceException {
        AppliancePlan plan = new ConfigValidator(FrameSourceRegistry.withDefaults(), PipelineRegistry.withDefaults())
                .validate(configFile, ConfigLoader.load(configFile), false);
        WebConfig web = plan.config().web();
        WebSecurity security = new WebSecurity(token(plan), web.protectReads());
        Appliance appliance = Appliance.start(plan, Clock.systemUTC());
        ApplicationContext context;
        try {
            context = Micronaut.build(new String[0])
                    .mainClass(Loupe.class)
                    .banner(false)
                    .properties(Map.of(
                            "micronaut.server.host", web.host(),
                            "micronaut.server.port", web.port() == 0 ? -1 : web.port()))
                    .singletons(appliance, security)
                    .start();
        } catch (RuntimeException e) {
            appliance.close();
            throw new ApplianceException("web server on " + web.host() + ":" + web.port() + " did not start: "
                    + rootMessage(e) + " (is the port taken? set web.port)", e);
        }
        Daemon daemon = new Daemon(appliance, context);
        LOG.info("web: status page on http://{}:{}/", "0.0.0.0".equals(web.host()) ? "localhost" : web.host(),
                daemon.port());
        return daemon;
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
        try {
            if (context.isRunning()) {
                context.close();
            }
        } finally {
            appliance.close();
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
