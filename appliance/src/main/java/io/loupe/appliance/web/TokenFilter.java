package io.loupe.appliance.web;

import io.micronaut.core.async.publisher.Publishers;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.http.filter.ServerFilterChain;
import org.reactivestreams.Publisher;

import java.util.Map;
import java.util.regex.Pattern;

/**
 * Requires the API token for every request that changes state (any method but GET/HEAD/OPTIONS), and, when
 * {@code web.protectReads} is set, for every read but the page ({@code /}, {@code /pipelines/ID}, {@code /assets/…})
 * and {@code /health}: {@code /api/…} and {@code /metrics} in whatever spelling the router accepts ({@code /metrics/}),
 * and anything added later. The token comes as {@code Authorization: Bearer TOKEN} or {@code X-Loupe-Token: TOKEN}
 * (reads also {@code ?token=TOKEN}, for images).
 */
@Filter("/**")
public class TokenFilter implements HttpServerFilter {
    /**
     * What stays open under {@code protectReads}, spelled exactly (one trailing slash allowed, as the router allows):
     * a list of what is open rather than of what is protected, so that a spelling nobody thought of fails closed.
     */
    private static final Pattern OPEN_READ = Pattern.compile("/|/(pipelines/[^/]+|assets/[^/]+|health(/[^/]+)?)/?");

    private final WebSecurity security;

    public TokenFilter(WebSecurity security) {
        this.security = security;
    }

    @Override
    public Publisher<MutableHttpResponse<?>> doFilter(HttpRequest<?> request, ServerFilterChain chain) {
        HttpMethod m = request.getMethod();
        boolean read = m == HttpMethod.GET || m == HttpMethod.HEAD || m == HttpMethod.OPTIONS;
        boolean needsToken = !read || (security.protectReads() && !OPEN_READ.matcher(request.getPath()).matches());
        if (needsToken && !security.token().matches(presented(request))) {
            return Publishers.just(HttpResponse.unauthorized().body(Map.of("error",
                    "this needs the API token: send 'Authorization: Bearer TOKEN' (web.token in the configuration, or"
                            + " the file named by web.tokenFile)")));
        }
        return chain.proceed(request);
    }

    private static String presented(HttpRequest<?> request) {
        String auth = request.getHeaders().get("Authorization");
        if (auth != null && auth.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return auth.substring(7);
        }
        String header = request.getHeaders().get("X-Loupe-Token");
        // <img> tags cannot send headers: reads may carry the token as ?token= (only reads: a URL ends up in logs).
        return header != null || request.getMethod() != HttpMethod.GET ? header : request.getParameters().get("token");
    }
}
