package io.millflow.engine.connection;

import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Settings are not credentials, but people put secrets in them anyway: a password in a JDBC URL, a
 * token in a setting named {@code apiToken}, a field its connection record marks {@link
 * io.millflow.step.Secret} saved as a setting. What the API shows of a connection goes through here
 * first.
 */
public final class SettingsRedaction {

  static final String HIDDEN = "(hidden)";

  private static final Pattern SECRET_NAME =
      Pattern.compile("(?i).*(password|secret|token|privatekey|apikey).*");

  /**
   * {@code password=...} in a query string or a JDBC property list, and {@code user:password@} in a
   * URL.
   */
  private static final Pattern PASSWORD_PARAMETER =
      Pattern.compile("(?i)((?:password|pwd|secret|token)=)[^&;]*");

  private static final Pattern URL_USER_INFO = Pattern.compile("(://[^/:@]+:)[^/@]+@");

  private SettingsRedaction() {}

  public static Map<String, String> redact(Map<String, String> settings) {
    return redact(settings, name -> false);
  }

  /**
   * @param secret whether the connection's record marks a field of that name secret
   */
  public static Map<String, String> redact(Map<String, String> settings, Predicate<String> secret) {
    Map<String, String> shown = new TreeMap<>();
    settings.forEach(
        (name, value) -> shown.put(name, secret.test(name) ? HIDDEN : redact(name, value)));
    return shown;
  }

  private static String redact(String name, String value) {
    if (SECRET_NAME.matcher(name).matches()) {
      return HIDDEN;
    }
    String withoutParameters = PASSWORD_PARAMETER.matcher(value).replaceAll("$1" + HIDDEN);
    return URL_USER_INFO.matcher(withoutParameters).replaceAll("$1" + HIDDEN + "@");
  }
}
