package io.werkbridge.flow;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Key and trust stores for a mutual-TLS test, generated with the JDK's keytool: a server key pair for localhost and
 * a client key pair (PKCS12), and each side's trust store holding the other's certificate.
 */
final class Certificates {

    private Certificates() {
    }

    static void generate(Path dir, String password) throws IOException, InterruptedException {
        keyPair(dir, "server", "CN=localhost", "SAN=dns:localhost,ip:127.0.0.1", password);
        keyPair(dir, "client", "CN=werkbridge-hub", null, password);
        exportAndTrust(dir, "server", "client-trust.p12", password);
        exportAndTrust(dir, "client", "server-trust.p12", password);
    }

    private static void keyPair(Path dir, String name, String dn, String extension, String password)
            throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1",
                "-sigalg", "SHA256withECDSA", "-validity", "2", "-dname", dn, "-storetype", "PKCS12",
                "-keystore", dir.resolve(name + ".p12").toString(), "-storepass", password, "-keypass", password));
        if (extension != null) {
            args.addAll(List.of("-ext", extension));
        }
        keytool(args);
    }

    private static void exportAndTrust(Path dir, String name, String trustStore, String password)
            throws IOException, InterruptedException {
        Path certificate = dir.resolve(name + ".crt");
        keytool(List.of("-exportcert", "-alias", name, "-keystore", dir.resolve(name + ".p12").toString(),
                "-storetype", "PKCS12", "-storepass", password, "-file", certificate.toString()));
        keytool(List.of("-importcert", "-noprompt", "-alias", name, "-file", certificate.toString(),
                "-keystore", dir.resolve(trustStore).toString(), "-storetype", "PKCS12", "-storepass", password));
    }

    private static void keytool(List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(args);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("keytool " + args.get(0) + " failed: " + output);
        }
    }
}
