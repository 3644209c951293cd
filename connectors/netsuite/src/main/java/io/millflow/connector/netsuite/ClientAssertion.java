package io.millflow.connector.netsuite;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import io.millflow.step.ReauthRequiredException;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.UUID;

/**
 * The JWT a connection sends to NetSuite's token endpoint as {@code client_assertion}: header
 * {@code {"typ":"JWT","alg":"PS256","kid":<certificate id>}}, claims {@code iss} (client id),
 * {@code scope}, {@code aud} (the token URL), {@code iat} and {@code exp}, signed with the private
 * key whose certificate was uploaded.
 */
final class ClientAssertion {

  /**
   * NetSuite allows at most 60 minutes; the assertion is used at once, so a short life is enough.
   */
  static final Duration LIFETIME = Duration.ofMinutes(5);

  private ClientAssertion() {}

  static String sign(NetSuiteConnectionSettings settings, NetSuiteAuth.M2m m2m, Instant now) {
    JWSHeader header =
        new JWSHeader.Builder(JWSAlgorithm.PS256)
            .type(JOSEObjectType.JWT)
            .keyID(m2m.certificateId())
            .build();
    JWTClaimsSet claims =
        new JWTClaimsSet.Builder()
            .issuer(m2m.clientId())
            .audience(settings.tokenUrl().toString())
            .claim("scope", settings.scope())
            .issueTime(Date.from(now))
            .expirationTime(Date.from(now.plus(LIFETIME)))
            .jwtID(UUID.randomUUID().toString())
            .build();
    SignedJWT jwt = new SignedJWT(header, claims);
    try {
      jwt.sign(new RSASSASigner(m2m.privateKey()));
    } catch (JOSEException e) {
      throw new ReauthRequiredException(
          settings.connectionName(),
          "The privateKey of connection '"
              + settings.connectionName()
              + "' cannot sign a PS256 client assertion ("
              + e.getMessage()
              + "). Enter the"
              + " RSA private.pem made for NetSuite's M2M set-up.",
          e);
    }
    return jwt.serialize();
  }
}
