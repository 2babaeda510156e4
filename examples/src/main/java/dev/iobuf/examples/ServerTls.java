package dev.iobuf.examples;

import dev.iobuf.uring.net.TlsConfig;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * The servers' {@code --tls}: the key store given with {@code --keystore FILE --keystore-password PW}
 * (PKCS12 or JKS), or, without {@code --keystore}, a self-signed certificate for localhost / 127.0.0.1 made
 * at start by the JDK's {@code keytool} (in a temporary file deleted at once; the listening line says so).
 * ALPN offers {@code http/1.1}.
 */
record ServerTls(TlsConfig config, String description) {
    static final String USAGE = "[--tls [--keystore FILE --keystore-password PW]]";
    static final String SELF_SIGNED = "TLS, self-signed certificate for localhost made at start by keytool";

    /** The TLS the command line asks for, or null without {@code --tls}. */
    static ServerTls of(CommandLine c) {
        if (!c.flag("--tls")) {
            if (c.has("--keystore") || c.has("--keystore-password")) {
                throw ToolException.usage("--keystore and --keystore-password go with --tls");
            }
            return null;
        }
        char[] password = c.has("--keystore-password") ? c.value("--keystore-password").toCharArray() : null;
        try {
            if (c.has("--keystore")) {
                if (password == null) {
                    throw ToolException.usage("--keystore needs --keystore-password");
                }
                Path file = Path.of(c.value("--keystore"));
                return new ServerTls(config(load(file, password), password), "TLS, key store " + file);
            }
            char[] generated = Long.toHexString(System.nanoTime() ^ Double.doubleToLongBits(Math.random())).toCharArray();
            return new ServerTls(config(selfSigned(generated), generated), SELF_SIGNED);
        } catch (IOException | GeneralSecurityException e) {
            throw new ToolException("TLS setup failed: " + e);
        }
    }

    private static TlsConfig config(KeyStore ks, char[] password) throws GeneralSecurityException {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, password);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return TlsConfig.server(ctx).applicationProtocols("http/1.1");
    }

    private static KeyStore load(Path file, char[] password) throws IOException, GeneralSecurityException {
        if (!Files.isReadable(file)) {
            throw ToolException.usage("--keystore " + file + " is not a readable file");
        }
        KeyStore ks = KeyStore.getInstance(file.toString().endsWith(".jks") ? "JKS" : "PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }

    /** An EC P-256 key and a self-signed certificate, made by keytool (the JDK has no API for certificates). */
    private static KeyStore selfSigned(char[] password) throws IOException, GeneralSecurityException {
        Path dir = Files.createTempDirectory("iobuf-tls");
        Path file = dir.resolve("self-signed.p12");
        try {
            Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
            Process p = new ProcessBuilder(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC",
                    "-groupname", "secp256r1", "-dname", "CN=localhost", "-validity", "30", "-storetype", "PKCS12",
                    "-keystore", file.toString(), "-storepass", new String(password),
                    "-ext", "SAN=dns:localhost,ip:127.0.0.1,ip:::1").redirectErrorStream(true).start();
            p.getOutputStream().close();
            String output;
            try (InputStream in = p.getInputStream()) {
                output = new String(in.readAllBytes());
            }
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException(keytool + " failed: " + output.strip());
            }
            return load(file, password);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while keytool ran", e);
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(dir);
        }
    }
}
