package io.loupe.appliance.web;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The pages: static HTML files (no build step, no CDN) that poll the JSON API. */
@Controller
public class PageController {
    private final byte[] index = load("/public/index.html");
    private final byte[] pipeline = load("/public/pipeline.html");
    private final byte[] css = load("/public/loupe.css");
    private final byte[] js = load("/public/loupe.js");

    @Get(uri = "/", produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> index() {
        return html(index);
    }

    /** A pipeline's own page; it reads its id from the path and fetches {@code /api/pipelines/{id}}. */
    @Get(uri = "/pipelines/{id}", produces = MediaType.TEXT_HTML)
    public HttpResponse<byte[]> pipeline(String id) {
        return html(pipeline);
    }

    @Get(uri = "/assets/loupe.css")
    public HttpResponse<byte[]> css() {
        return HttpResponse.ok(css).contentType("text/css;charset=utf-8");
    }

    @Get(uri = "/assets/loupe.js")
    public HttpResponse<byte[]> js() {
        return HttpResponse.ok(js).contentType("text/javascript;charset=utf-8");
    }

    private static HttpResponse<byte[]> html(byte[] page) {
        return HttpResponse.ok(page).contentType(MediaType.TEXT_HTML_TYPE + ";charset=utf-8")
                .header("Cache-Control", "no-cache");
    }

    private static byte[] load(String resource) {
        try (InputStream in = PageController.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource + " in the appliance jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
