package io.loupe.appliance.web;

import io.loupe.appliance.Appliance;
import io.loupe.appliance.events.Event;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;

import java.util.List;
import java.util.Map;

/** {@code /api/events?after=ID&limit=N}: recent events, newest first. */
@Controller("/api/events")
public class EventsController {
    private static final int MAX_LIMIT = 200;
    private final Appliance appliance;

    public EventsController(Appliance appliance) {
        this.appliance = appliance;
    }

    /** Events newer than {@code after} (default: all kept), at most {@code limit} (default 50, at most 200). */
    @Get(produces = MediaType.APPLICATION_JSON)
    public HttpResponse<?> events(@QueryValue(defaultValue = "0") String after,
                                  @QueryValue(defaultValue = "50") String limit) {
        long afterId;
        int max;
        try {
            afterId = Long.parseLong(after);
            max = Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            return HttpResponse.badRequest(Map.of("error", "after and limit are whole numbers, got after=" + after
                    + " limit=" + limit));
        }
        if (afterId < 0 || max < 1 || max > MAX_LIMIT) {
            return HttpResponse.badRequest(Map.of("error", "after must be >= 0 and limit in 1.." + MAX_LIMIT
                    + ", got after=" + after + " limit=" + limit));
        }
        List<Event> events = appliance.events().since(afterId, max);
        return HttpResponse.ok(events);
    }
}
