package io.millflow.connector.netsuite;

import io.millflow.connector.netsuite.protocol.TbaSignature;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The {@code Authorization} header of token-based auth, signed with a connection's tokens by {@link
 * TbaSignature}.
 */
public final class TbaHeader {

  private TbaHeader() {}

  /** The {@code Authorization} header of one request. */
  public static String of(
      String method, URI uri, String realm, NetSuiteAuth.Tba tba, String nonce, long timestamp) {
    Map<String, String> oauth = new LinkedHashMap<>();
    oauth.put("oauth_consumer_key", tba.consumerKey());
    oauth.put("oauth_token", tba.tokenId());
    oauth.put("oauth_nonce", nonce);
    oauth.put("oauth_timestamp", Long.toString(timestamp));
    oauth.put("oauth_signature_method", TbaSignature.METHOD);
    oauth.put("oauth_version", "1.0");
    oauth.put(
        "oauth_signature",
        TbaSignature.sign(method, uri, oauth, tba.consumerSecret(), tba.tokenSecret()));
    return "OAuth realm=\""
        + realm
        + "\", "
        + oauth.entrySet().stream()
            .map(entry -> entry.getKey() + "=\"" + TbaSignature.encode(entry.getValue()) + "\"")
            .collect(Collectors.joining(", "));
  }
}
