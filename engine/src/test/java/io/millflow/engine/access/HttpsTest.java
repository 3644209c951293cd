package io.millflow.engine.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.millflow.engine.TestApiToken;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * HTTPS as docs/security.md configures it, with a self-signed certificate made for the test: TLS
 * 1.2 and 1.3 are served, anything older is refused, and no plain HTTP port is open.
 */
@QuarkusTest
@TestProfile(HttpsTest.WithCertificate.class)
class HttpsTest {

  static final Path KEY_STORE = Path.of("target/tls/millflow-test.p12").toAbsolutePath();
  static final String PASSWORD = "test-keystore-password";

  public static class WithCertificate implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      makeSelfSignedCertificate();
      return Map.of(
          "quarkus.http.ssl.certificate.key-store-file", KEY_STORE.toString(),
          "quarkus.http.ssl.certificate.key-store-password", PASSWORD,
          "quarkus.http.ssl.protocols", "TLSv1.3,TLSv1.2",
          "quarkus.http.insecure-requests", "disabled",
          "quarkus.http.test-ssl-port", "0");
    }
  }

  @TestHTTPResource(value = "/api/me", tls = true)
  URL me;

  @Test
  void servesTheApiOverTls12And13() throws Exception {
    for (String protocol : List.of("TLSv1.2", "TLSv1.3")) {
      HttpResponse<String> answer =
          client(protocol)
              .send(
                  HttpRequest.newBuilder(me.toURI())
                      .header("Authorization", "Bearer " + TestApiToken.ADMIN)
                      .build(),
                  HttpResponse.BodyHandlers.ofString());
      assertThat(answer.statusCode()).as(protocol).isEqualTo(200);
      assertThat(answer.sslSession()).get().extracting(s -> s.getProtocol()).isEqualTo(protocol);
    }
  }

  /**
   * The JDK's own client will not even offer TLS 1.1, so the server is asked by openssl (installed
   * by .ci/run), with its security level lowered so that it really offers 1.1; the same call with
   * TLS 1.2 shows the probe can succeed.
   */
  @Test
  void refusesTls11() throws Exception {
    assertThat(handshake("-tls1_2"))
        .as("openssl's TLS 1.2 handshake")
        .contains("Protocol  : TLSv1.2")
        .doesNotContain(NO_CIPHER);
    assertThat(handshake("-tls1_1"))
        .as("openssl's TLS 1.1 handshake")
        .contains("alert protocol version", NO_CIPHER);
  }

  /** What openssl prints when no session was agreed. */
  private static final String NO_CIPHER = "Cipher is (NONE)";

  private String handshake(String protocol) throws Exception {
    Process openssl =
        new ProcessBuilder(
                "openssl",
                "s_client",
                "-connect",
                me.getHost() + ":" + me.getPort(),
                protocol,
                "-cipher",
                "DEFAULT:@SECLEVEL=0")
            .redirectErrorStream(true)
            .start();
    openssl.getOutputStream().close();
    String output = new String(openssl.getInputStream().readAllBytes());
    openssl.waitFor();
    return output;
  }

  @Test
  void servesNoPlainHttp() {
    URI plain = URI.create("http://" + me.getHost() + ":" + me.getPort() + "/api/me");
    assertThatThrownBy(
            () ->
                HttpClient.newHttpClient()
                    .send(
                        HttpRequest.newBuilder(plain).build(),
                        HttpResponse.BodyHandlers.ofString()))
        .isInstanceOf(java.io.IOException.class);
  }

  private static HttpClient client(String protocol) throws Exception {
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(KEY_STORE)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    SSLParameters parameters = new SSLParameters();
    parameters.setProtocols(new String[] {protocol});
    return HttpClient.newBuilder().sslContext(context).sslParameters(parameters).build();
  }

  static void makeSelfSignedCertificate() {
    try {
      Files.createDirectories(KEY_STORE.getParent());
      Files.deleteIfExists(KEY_STORE);
      Process keytool =
          new ProcessBuilder(
                  Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                  "-genkeypair",
                  "-alias",
                  "millflow",
                  "-keyalg",
                  "EC",
                  "-groupname",
                  "secp256r1",
                  "-validity",
                  "2",
                  "-dname",
                  "CN=localhost",
                  "-ext",
                  "SAN=dns:localhost,ip:127.0.0.1",
                  "-storetype",
                  "PKCS12",
                  "-keystore",
                  KEY_STORE.toString(),
                  "-storepass",
                  PASSWORD,
                  "-keypass",
                  PASSWORD)
              .redirectErrorStream(true)
              .start();
      String output = new String(keytool.getInputStream().readAllBytes());
      if (keytool.waitFor() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    } catch (Exception e) {
      throw new IllegalStateException("Could not make the test certificate", e);
    }
  }
}
