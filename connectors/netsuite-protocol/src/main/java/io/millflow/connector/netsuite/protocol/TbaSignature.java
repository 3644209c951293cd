package io.millflow.connector.netsuite.protocol;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * NetSuite token-based auth: OAuth 1.0a (RFC 5849) with HMAC-SHA256. The base string is the method,
 * the URL without its query, and the sorted, percent-encoded oauth and query parameters; the realm
 * is left out of it. The key is {@code consumerSecret&tokenSecret}, each percent-encoded. Used by
 * the client to sign (through {@code TbaHeader}) and by the sandbox to check.
 */
public final class TbaSignature {

  public static final String METHOD = "HMAC-SHA256";

  private TbaSignature() {}

  /**
   * The Base64 signature of a request. {@code oauth} holds the header's parameters; {@code realm}
   * and {@code oauth_signature} in it are ignored.
   */
  public static String sign(
      String method,
      URI uri,
      Map<String, String> oauth,
      String consumerSecret,
      String tokenSecret) {
    List<String[]> parameters = new ArrayList<>();
    oauth.forEach(
        (name, value) -> {
          if (!name.equals("realm") && !name.equals("oauth_signature")) {
            parameters.add(new String[] {encode(name), encode(value)});
          }
        });
    if (uri.getRawQuery() != null) {
      for (String pair : uri.getRawQuery().split("&")) {
        String[] nameValue = pair.split("=", 2);
        parameters.add(
            new String[] {
              encode(decode(nameValue[0])), encode(nameValue.length > 1 ? decode(nameValue[1]) : "")
            });
      }
    }
    parameters.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    String normalized =
        parameters.stream().map(p -> p[0] + "=" + p[1]).collect(Collectors.joining("&"));
    String base =
        method.toUpperCase(Locale.ROOT) + "&" + encode(baseUrl(uri)) + "&" + encode(normalized);
    String key = encode(consumerSecret) + "&" + encode(tokenSecret);
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return Base64.getEncoder().encodeToString(mac.doFinal(base.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }

  /** The parameters of an {@code OAuth ...} header, decoded; empty when it is not one. */
  public static Map<String, String> parseHeader(String header) {
    Map<String, String> parameters = new LinkedHashMap<>();
    if (header == null || !header.regionMatches(true, 0, "OAuth ", 0, 6)) {
      return parameters;
    }
    for (String part : header.substring(6).split(",")) {
      String[] nameValue = part.strip().split("=", 2);
      if (nameValue.length == 2) {
        parameters.put(
            nameValue[0].strip(), decode(nameValue[1].strip().replaceAll("^\"|\"$", "")));
      }
    }
    return parameters;
  }

  /** RFC 3986 percent-encoding, as OAuth 1.0a wants it. */
  public static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8)
        .replace("+", "%20")
        .replace("*", "%2A")
        .replace("%7E", "~");
  }

  private static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }

  private static String baseUrl(URI uri) {
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    boolean defaultPort =
        port == -1 || scheme.equals("http") && port == 80 || scheme.equals("https") && port == 443;
    return scheme
        + "://"
        + uri.getHost().toLowerCase(Locale.ROOT)
        + (defaultPort ? "" : ":" + port)
        + uri.getRawPath();
  }
}
