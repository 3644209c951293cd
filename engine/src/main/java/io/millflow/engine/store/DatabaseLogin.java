package io.millflow.engine.store;

/** Where and as whom to log in to a database. Its {@link #toString()} leaves the password out. */
public record DatabaseLogin(String jdbcUrl, String username, String password) {

  @Override
  public String toString() {
    return "DatabaseLogin["
        + jdbcUrl
        + " as "
        + username
        + (password == null ? "" : ", with a password")
        + "]";
  }
}
