package io.millflow.engine.access;

import io.millflow.engine.store.StateStore;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.reflect.ConstructorMapper;

/**
 * API tokens: an {@link OpaqueSecret} with a prefix, shown once, stored as the hex of its SHA-256.
 * A known token is remembered for a few seconds; a revocation on this instance takes effect at
 * once, on others within {@link #REMEMBERED}.
 */
@Singleton
public class ApiTokens {

  public static final String PREFIX = "mf_";
  static final Duration REMEMBERED = Duration.ofSeconds(5);

  /** A new token: what the API shows, and the token itself, which is never shown again. */
  public record Created(ApiToken token, String secret) {}

  /** Why a presented token does not authenticate, in words that say what to do. */
  public sealed interface Refusal {
    String message();
  }

  public record Unknown() implements Refusal {
    public String message() {
      return "The API token is not known. Check that it was copied whole, or ask an admin for a new one.";
    }
  }

  public record Expired(String name, Instant at) implements Refusal {
    public String message() {
      return "The API token '" + name + "' expired at " + at + ". Ask an admin for a new one.";
    }
  }

  public record Revoked(String name) implements Refusal {
    public String message() {
      return "The API token '" + name + "' was revoked. Ask an admin for a new one.";
    }
  }

  private record Remembered(Optional<ApiToken> token, Instant until) {}

  private final Jdbi jdbi;
  private final Clock clock;
  private final Map<String, Remembered> byHash = new ConcurrentHashMap<>();

  @jakarta.inject.Inject
  public ApiTokens(StateStore store) {
    this(store.jdbi(), Clock.systemUTC());
  }

  ApiTokens(Jdbi jdbi, Clock clock) {
    this.jdbi = jdbi;
    this.clock = clock;
    jdbi.registerRowMapper(ConstructorMapper.factory(ApiToken.class));
  }

  public Created create(
      String tenantId, String name, Role role, Instant expiresAt, UUID createdBy) {
    String secret = PREFIX + OpaqueSecret.generate();
    return new Created(insert(tenantId, name, role, expiresAt, createdBy, secret), secret);
  }

  /**
   * Stores a token whose value was chosen outside (the first admin token, from configuration);
   * nothing happens when it is stored already (several instances starting at once with the same
   * configuration).
   */
  public void adopt(String tenantId, String name, Role role, String secret) {
    jdbi.useHandle(
        h ->
            h.createUpdate(
                    """
            insert into api_token (id, tenant_id, name, role, token_hash)
            values (:id, :tenant, :name, :role, :hash) on conflict (token_hash) do nothing""")
                .bind("id", UUID.randomUUID())
                .bind("tenant", tenantId)
                .bind("name", name)
                .bind("role", role.label())
                .bind("hash", hash(secret))
                .execute());
  }

  private ApiToken insert(
      String tenantId, String name, Role role, Instant expiresAt, UUID createdBy, String secret) {
    UUID id = UUID.randomUUID();
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            insert into api_token (id, tenant_id, name, role, token_hash, created_by, expires_at)
            values (:id, :tenant, :name, :role, :hash, cast(:createdBy as uuid), cast(:expiresAt as timestamptz))
            returning id, tenant_id, name, role, created_at, expires_at, revoked_at, last_used_at""")
                .bind("id", id)
                .bind("tenant", tenantId)
                .bind("name", name)
                .bind("role", role.label())
                .bind("hash", hash(secret))
                .bind("createdBy", createdBy)
                .bind("expiresAt", expiresAt)
                .mapTo(ApiToken.class)
                .one());
  }

  /** The caller a token stands for, or why it stands for nobody. */
  public Authentication authenticate(String secret) {
    String hash = hash(secret);
    Instant now = clock.instant();
    Remembered remembered = byHash.get(hash);
    if (remembered == null || remembered.until().isBefore(now)) {
      remembered = new Remembered(lookUp(hash, now), now.plus(REMEMBERED));
      if (remembered.token().isPresent()) {
        byHash.put(
            hash,
            remembered); // only real tokens: random ones sent by anybody must not fill the memory
      }
    }
    return remembered
        .token()
        .map(token -> judge(token, now))
        .orElseGet(() -> new Authentication(null, new Unknown()));
  }

  private static Authentication judge(ApiToken token, Instant now) {
    if (token.revokedAt() != null) {
      return new Authentication(null, new Revoked(token.name()));
    }
    if (token.expiresAt() != null && !token.expiresAt().isAfter(now)) {
      return new Authentication(null, new Expired(token.name(), token.expiresAt()));
    }
    Role role = Role.parse(token.role()).orElseThrow();
    return new Authentication(new Caller(token.tenantId(), role, token.id(), token.name()), null);
  }

  /** Either a caller or a refusal. */
  public record Authentication(Caller caller, Refusal refusal) {}

  /** Reads the token and notes its use (at most once per {@link #REMEMBERED} per instance). */
  private Optional<ApiToken> lookUp(String hash, Instant now) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            update api_token set last_used_at = :now where token_hash = :hash
            returning id, tenant_id, name, role, created_at, expires_at, revoked_at, last_used_at""")
                .bind("hash", hash)
                .bind("now", now)
                .mapTo(ApiToken.class)
                .findOne());
  }

  public List<ApiToken> list(String tenantId) {
    return jdbi.withHandle(
        h ->
            h.createQuery(
                    """
            select id, tenant_id, name, role, created_at, expires_at, revoked_at, last_used_at
            from api_token where tenant_id = :tenant order by created_at""")
                .bind("tenant", tenantId)
                .mapTo(ApiToken.class)
                .list());
  }

  /**
   * @return false when the tenant has no such token
   */
  public boolean revoke(String tenantId, UUID id) {
    boolean found =
        jdbi.withHandle(
                h ->
                    h.createUpdate(
                            """
            update api_token set revoked_at = coalesce(revoked_at, now()) where tenant_id = :tenant and id = :id""")
                        .bind("tenant", tenantId)
                        .bind("id", id)
                        .execute())
            == 1;
    byHash.clear();
    return found;
  }

  public boolean anyExist() {
    return jdbi.withHandle(
        h -> h.createQuery("select exists (select 1 from api_token)").mapTo(Boolean.class).one());
  }

  static String hash(String secret) {
    return OpaqueSecret.hexHash(secret);
  }
}
