package io.loupe.appliance.web;

import io.loupe.appliance.Daemon;
import io.loupe.appliance.config.ConfigException;

/** What the web API may ask of the daemon about its configuration: check the file, and reload from it. */
public final class ConfigReload {
    private final Daemon daemon;

    public ConfigReload(Daemon daemon) {
        this.daemon = daemon;
    }

    /**
     * Checks the configuration file, starting nothing.
     *
     * @throws ConfigException with every problem of the file
     */
    void check() throws ConfigException {
        daemon.check();
    }

    /**
     * Restarts the appliance from the file once the current request is answered.
     *
     * @return false when a reload that has not read the file yet was already on its way (it will do)
     */
    boolean reloadSoon() {
        return daemon.reloadSoon();
    }
}
