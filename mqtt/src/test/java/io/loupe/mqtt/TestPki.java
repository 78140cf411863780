package io.loupe.mqtt;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A test CA with a server certificate (for 127.0.0.1 and localhost) and a client certificate, made with the JDK's
 * keytool (always there, unlike openssl), written as PEM: certificates with {@code keytool -rfc}, keys as unencrypted
 * PKCS#8 taken from the keytool key stores. EC P-256 keys (fast to make); the two leaves and the second CA are made in
 * parallel. Made once per JVM, in a temporary folder.
 *
 * @param ca         CA certificate
 * @param serverCert server certificate signed by the CA, SAN IP:127.0.0.1 and DNS:localhost
 * @param serverKey  its key
 * @param clientCert client certificate signed by the CA, CN=loupe-test-client
 * @param clientKey  its key
 * @param otherCa    a second CA that signed nothing here (for "wrong CA")
 */
record TestPki(Path ca, Path serverCert, Path serverKey, Path clientCert, Path clientKey, Path otherCa) {

    private static final String PASS = "changeit";
    private static TestPki made;

    static synchronized TestPki get() throws IOException, InterruptedException, GeneralSecurityException {
        if (made == null) {
            Path dir = Files.createTempDirectory("loupe-test-pki");
            dir.toFile().deleteOnExit();
            made = make(dir);
        }
        return made;
    }

    private interface Step {
        void run() throws Exception;
    }

    private static TestPki make(Path dir) throws IOException, InterruptedException, GeneralSecurityException {
        keytool(dir, "-genkeypair", "-alias", "ca", "-keyalg", "EC", "-groupname", "secp256r1", "-dname",
                "CN=Loupe Test CA", "-ext", "bc:c", "-ext", "ku:c=keyCertSign,cRLSign", "-validity", "3",
                "-keystore", "ca.p12");
        parallel(
                () -> keytool(dir, "-exportcert", "-alias", "ca", "-keystore", "ca.p12", "-rfc", "-file", "ca.pem"),
                () -> {
                    keytool(dir, "-genkeypair", "-alias", "other", "-keyalg", "EC", "-groupname", "secp256r1",
                            "-dname", "CN=Some Other CA", "-ext", "bc:c", "-validity", "3", "-keystore", "other.p12");
                    keytool(dir, "-exportcert", "-alias", "other", "-keystore", "other.p12", "-rfc", "-file",
                            "other-ca.pem");
                },
                () -> leaf(dir, "server", "CN=127.0.0.1", "san=ip:127.0.0.1,dns:localhost", "serverAuth"),
                () -> leaf(dir, "client", "CN=loupe-test-client", null, "clientAuth"));
        return new TestPki(dir.resolve("ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"),
                dir.resolve("client.pem"), dir.resolve("client.key"), dir.resolve("other-ca.pem"));
    }

    private static void parallel(Step... steps) throws IOException {
        List<Thread> threads = new ArrayList<>();
        List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
        for (Step step : steps) {
            Thread t = new Thread(() -> {
                try {
                    step.run();
                } catch (Exception e) {
                    failures.add(e);
                }
            }, "test-pki");
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while making the test PKI", e);
            }
        }
        if (!failures.isEmpty()) {
            throw new IOException("making the test PKI failed", failures.get(0));
        }
    }

    private static void leaf(Path dir, String name, String dn, String san, String eku)
            throws IOException, InterruptedException, GeneralSecurityException {
        String store = name + ".p12";
        keytool(dir, "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", dn,
                "-validity", "3", "-keystore", store);
        keytool(dir, "-certreq", "-alias", name, "-keystore", store, "-file", name + ".csr");
        List<String> gen = new ArrayList<>(List.of("-gencert", "-alias", "ca", "-keystore", "ca.p12", "-infile",
                name + ".csr", "-outfile", name + ".pem", "-rfc", "-validity", "2", "-ext",
                "ku:c=digitalSignature", "-ext", "eku=" + eku));
        if (san != null) {
            gen.add("-ext");
            gen.add(san);
        }
        keytool(dir, gen.toArray(new String[0]));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve(store))) {
            ks.load(in, PASS.toCharArray());
        }
        Key key = ks.getKey(name, PASS.toCharArray());
        Files.writeString(dir.resolve(name + ".key"), pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
                + "\n-----END " + type + "-----\n";
    }

    private static void keytool(Path dir, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.add("-J-XX:TieredStopAtLevel=1");
        cmd.add("-J-XX:+UseSerialGC");
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storetype", "PKCS12", "-storepass", PASS, "-noprompt"));
        Path log = dir.resolve("keytool-" + Thread.currentThread().getId() + ".log");
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            p.destroyForcibly();
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + Files.readString(log));
        }
    }
}
