package io.loupe.appliance.web;

import io.loupe.appliance.config.ConfigException;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;

import java.util.Map;

/**
 * {@code POST /api/config/reload} (token): checks the configuration file the appliance was started with and, when it is
 * clean, restarts the appliance and this web server from it (202; the page reconnects by itself). A file with problems
 * is answered 400 with every problem, and nothing is stopped. Changes to {@code web.host}/{@code web.port} move the
 * page.
 */
@Controller("/api/config")
public class ConfigController {
    private final ConfigReload reload;

    public ConfigController(ConfigReload reload) {
        this.reload = reload;
    }

    @Post(uri = "/reload", produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> reload() {
        try {
            reload.check();
        } catch (ConfigException e) {
            return HttpResponse.badRequest(Map.of("error", "the configuration has problems; nothing was changed",
                    "problems", e.problems().stream().map(Object::toString).toList()));
        }
        return HttpResponse.accepted().body(Map.of("status", reload.reloadSoon()
                ? "reloading: the appliance restarts from its configuration file in a moment"
                : "already reloading: the reload on its way reads the file as it is now"));
    }
}
