package io.millflow.connector.netsuite.sandbox;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The SuiteQL the sandbox understands, which is exactly what the connector sends, parsed strictly;
 * anything else is a {@link Rejected} that the sandbox answers with NetSuite's 400 USER_ERROR. The
 * grammar:
 *
 * <pre>
 * SELECT item {, item} FROM table [WHERE condition {AND condition}] [ORDER BY column {, column}]
 * item      := column | TO_CHAR(column, 'format') AS alias | BUILTIN.DF(column) AS alias
 * condition := column = 'text' | column (&gt;= | &gt; | &lt; | &lt;=) TO_TIMESTAMP('text', 'format')
 *            | column IN (number {, number})
 * </pre>
 */
record SuiteQlQuery(List<Item> select, String table, List<Condition> where, List<String> orderBy) {

  sealed interface Item permits Plain, ToChar, Display {
    String alias();
  }

  record Plain(String column) implements Item {
    public String alias() {
      return column;
    }
  }

  record ToChar(String column, String format, String alias) implements Item {}

  record Display(String column, String alias) implements Item {}

  sealed interface Condition permits Equals, Compare, In {}

  record Equals(String column, String text) implements Condition {}

  /** {@code column op TO_TIMESTAMP(...)}, the instant read as UTC, the sandbox's time zone. */
  record Compare(String column, String operator, Instant instant) implements Condition {}

  record In(String column, List<Long> values) implements Condition {}

  /** A query outside the grammar, with NetSuite's kind of message. */
  static final class Rejected extends Exception {
    Rejected(String message) {
      super(
          "Invalid search query. Detailed unprocessed description follows. Search error occurred: "
              + message);
    }
  }

  static final String DATETIME_FORMAT = "YYYY-MM-DD HH24:MI:SS";
  static final String DATE_FORMAT = "YYYY-MM-DD";
  private static final DateTimeFormatter DATETIME =
      DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss");
  private static final Pattern TOKEN =
      Pattern.compile(
          "\\s*(?:('(?:[^']|'')*')|(\\d+)|([A-Za-z_][A-Za-z0-9_]*(?:\\.[A-Za-z_][A-Za-z0-9_]*)?)|(>=|<=|[(),=<>*]))");

  static SuiteQlQuery parse(String text) throws Rejected {
    return new Parser(tokens(text)).query();
  }

  private static List<String> tokens(String text) throws Rejected {
    List<String> tokens = new ArrayList<>();
    Matcher matcher = TOKEN.matcher(text);
    int at = 0;
    while (at < text.length()) {
      if (!matcher.find(at) || matcher.start() != at) {
        if (text.substring(at).isBlank()) {
          break;
        }
        throw new Rejected(
            "Unexpected text at character "
                + at
                + ": '"
                + text.substring(at, Math.min(text.length(), at + 20))
                + "'.");
      }
      tokens.add(matcher.group().strip());
      at = matcher.end();
    }
    return tokens;
  }

  private static final class Parser {
    private final List<String> tokens;
    private int next;

    Parser(List<String> tokens) {
      this.tokens = tokens;
    }

    SuiteQlQuery query() throws Rejected {
      expect("SELECT");
      List<Item> select = new ArrayList<>();
      do {
        select.add(item());
      } while (accept(","));
      expect("FROM");
      String table = identifier();
      List<Condition> where = new ArrayList<>();
      if (accept("WHERE")) {
        do {
          where.add(condition());
        } while (accept("AND"));
      }
      List<String> orderBy = new ArrayList<>();
      if (accept("ORDER")) {
        expect("BY");
        do {
          orderBy.add(identifier());
        } while (accept(","));
      }
      if (next < tokens.size()) {
        throw new Rejected("Unexpected '" + tokens.get(next) + "' after the query.");
      }
      return new SuiteQlQuery(select, table, where, orderBy);
    }

    private Item item() throws Rejected {
      String name = identifier();
      if (name.equals("to_char") && accept("(")) {
        String column = identifier();
        expect(",");
        String format = literal();
        expect(")");
        expect("AS");
        if (!format.equals(DATETIME_FORMAT) && !format.equals(DATE_FORMAT)) {
          throw new Rejected("TO_CHAR format '" + format + "' is not supported here.");
        }
        return new ToChar(column, format, identifier());
      }
      if (name.equals("builtin.df") && accept("(")) {
        String column = identifier();
        expect(")");
        expect("AS");
        return new Display(column, identifier());
      }
      return new Plain(name);
    }

    private Condition condition() throws Rejected {
      String column = identifier();
      if (accept("=")) {
        return new Equals(column, literal());
      }
      if (accept("IN")) {
        expect("(");
        List<Long> values = new ArrayList<>();
        do {
          values.add(number());
        } while (accept(","));
        expect(")");
        return new In(column, values);
      }
      for (String operator : List.of(">=", ">", "<=", "<")) {
        if (accept(operator)) {
          return new Compare(column, operator, timestamp());
        }
      }
      throw new Rejected("Expected =, IN, >=, >, <= or < after '" + column + "'.");
    }

    private Instant timestamp() throws Rejected {
      if (!identifier().equals("to_timestamp")) {
        throw new Rejected(
            "Compare datetimes with TO_TIMESTAMP('...', '" + DATETIME_FORMAT + "').");
      }
      expect("(");
      String text = literal();
      expect(",");
      String format = literal();
      expect(")");
      if (!format.equals(DATETIME_FORMAT)) {
        throw new Rejected("TO_TIMESTAMP format '" + format + "' is not supported here.");
      }
      try {
        return LocalDateTime.parse(text, DATETIME).toInstant(ZoneOffset.UTC);
      } catch (DateTimeParseException e) {
        throw new Rejected("'" + text + "' does not match the format " + format + ".");
      }
    }

    private String identifier() throws Rejected {
      String token = take("an identifier");
      if (!Character.isLetter(token.charAt(0)) && token.charAt(0) != '_') {
        throw new Rejected("Expected an identifier, found '" + token + "'.");
      }
      return token.toLowerCase(Locale.ROOT);
    }

    private String literal() throws Rejected {
      String token = take("a quoted text");
      if (!token.startsWith("'")) {
        throw new Rejected("Expected a quoted text, found '" + token + "'.");
      }
      return token.substring(1, token.length() - 1).replace("''", "'");
    }

    private long number() throws Rejected {
      String token = take("a number");
      try {
        return Long.parseLong(token);
      } catch (NumberFormatException e) {
        throw new Rejected("Expected a number, found '" + token + "'.");
      }
    }

    private void expect(String keyword) throws Rejected {
      if (!accept(keyword)) {
        throw new Rejected(
            "Expected "
                + keyword
                + (next < tokens.size()
                    ? ", found '" + tokens.get(next) + "'."
                    : " at the end of the query."));
      }
    }

    private boolean accept(String token) {
      if (next < tokens.size() && tokens.get(next).equalsIgnoreCase(token)) {
        next++;
        return true;
      }
      return false;
    }

    private String take(String what) throws Rejected {
      if (next >= tokens.size()) {
        throw new Rejected("Expected " + what + " at the end of the query.");
      }
      return tokens.get(next++);
    }
  }
}
