package io.millflow.connector.snowflake;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;

/**
 * A fake Snowflake at the JDBC boundary: a DataSource whose connections record every statement
 * (with its bound values), every transaction call and every PUT (reading the files it uploads,
 * unzipped), and answer queries with canned rows. It does not parse or run SQL; tests assert the
 * exact statements a step sends, which is what can be checked without a live Snowflake.
 */
final class RecordingJdbc {

  /**
   * Canned rows for statements matching a pattern: column labels with their JDBC types, and the
   * rows.
   */
  record Answer(Pattern sql, List<String> labels, List<Integer> types, List<List<Object>> rows) {}

  private static final Pattern PUT_FILES = Pattern.compile("^PUT 'file://([^']+)'");

  private final List<String> events = new ArrayList<>();
  private final Map<String, String> uploaded = new TreeMap<>();
  private final List<Answer> answers = new ArrayList<>();
  private SQLException failure;
  private Pattern failOn;

  /** Answers statements matching {@code sql} (a regex, found anywhere) with text columns. */
  RecordingJdbc answer(String sql, List<String> labels, List<List<Object>> rows) {
    return answer(sql, labels, labels.stream().map(label -> Types.VARCHAR).toList(), rows);
  }

  RecordingJdbc answer(
      String sql, List<String> labels, List<Integer> types, List<List<Object>> rows) {
    answers.add(new Answer(Pattern.compile(sql), labels, types, rows));
    return this;
  }

  /** Fails the first statement matching {@code sql} with this exception. */
  RecordingJdbc failOn(String sql, SQLException error) {
    this.failOn = Pattern.compile(sql);
    this.failure = error;
    return this;
  }

  /**
   * What the connections did, in order: "execute: SQL", "bind 1: value", "autoCommit: false",
   * "commit", ...
   */
  List<String> events() {
    return events;
  }

  /** The statements executed, in order, without binds and transaction calls. */
  List<String> statements() {
    return events.stream()
        .filter(event -> event.startsWith("execute: "))
        .map(event -> event.substring(9))
        .toList();
  }

  /** The text of each file PUT (unzipped), by file name. */
  Map<String, String> uploaded() {
    return uploaded;
  }

  DataSource dataSource() {
    return proxy(
        DataSource.class,
        (self, method, args) ->
            switch (method.getName()) {
              case "getConnection" -> connection();
              default -> defaultValue(method.getReturnType());
            });
  }

  private Connection connection() {
    boolean[] autoCommit = {true};
    return proxy(
        Connection.class,
        (self, method, args) ->
            switch (method.getName()) {
              case "createStatement" -> statement(null);
              case "prepareStatement" -> statement((String) args[0]);
              case "setAutoCommit" -> {
                autoCommit[0] = (Boolean) args[0];
                yield record("autoCommit: " + args[0]);
              }
              case "setReadOnly" -> record("readOnly: " + args[0]);
              case "commit", "rollback" -> record(method.getName());
              case "getAutoCommit" -> autoCommit[0];
              case "isValid" -> true;
              case "unwrap" -> null;
              case "isWrapperFor" -> false;
              default -> defaultValue(method.getReturnType());
            });
  }

  private PreparedStatement statement(String prepared) {
    Map<Integer, Object> binds = new TreeMap<>();
    ResultSet[] last = {null};
    return proxy(
        PreparedStatement.class,
        (self, method, args) -> {
          String name = method.getName();
          if (name.startsWith("set")
              && args != null
              && args.length >= 2
              && args[0] instanceof Integer index) {
            binds.put(index, name.equals("setNull") ? null : args[1]);
            return null;
          }
          return switch (name) {
            case "execute", "executeQuery", "executeUpdate", "executeLargeUpdate" -> {
              ResultSet result =
                  run(args != null && args.length > 0 ? (String) args[0] : prepared, binds);
              last[0] = result;
              yield name.equals("executeQuery")
                  ? result
                  : name.equals("execute") ? Boolean.TRUE : name.equals("executeUpdate") ? 0 : 0L;
            }
            case "getResultSet" -> last[0];
            case "getUpdateCount", "getLargeUpdateCount" -> -1;
            case "unwrap" -> null;
            default -> defaultValue(method.getReturnType());
          };
        });
  }

  private ResultSet run(String sql, Map<Integer, Object> binds) throws SQLException {
    record("execute: " + sql);
    binds.forEach((index, value) -> record("bind " + index + ": " + value));
    if (failOn != null && failOn.matcher(sql).find()) {
      failOn = null;
      throw failure;
    }
    Matcher put = PUT_FILES.matcher(sql);
    if (put.find()) {
      return resultSet(
          new Answer(
              null,
              List.of("source", "status", "message"),
              List.of(Types.VARCHAR, Types.VARCHAR, Types.VARCHAR),
              upload(Path.of(put.group(1)))));
    }
    for (Answer answer : answers) {
      if (answer.sql().matcher(sql).find()) {
        return resultSet(answer);
      }
    }
    return resultSet(new Answer(null, List.of(), List.of(), List.of()));
  }

  private List<List<Object>> upload(Path pattern) {
    List<List<Object>> rows = new ArrayList<>();
    try (DirectoryStream<Path> files =
        Files.newDirectoryStream(pattern.getParent(), pattern.getFileName().toString())) {
      for (Path file : files) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
          uploaded.put(
              file.getFileName().toString(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        rows.add(List.of(file.getFileName().toString(), "UPLOADED", ""));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return rows;
  }

  private ResultSet resultSet(Answer answer) {
    int[] row = {-1};
    Object[] last = {null};
    ResultSetMetaData metaData =
        proxy(
            ResultSetMetaData.class,
            (self, method, args) ->
                switch (method.getName()) {
                  case "getColumnCount" -> answer.labels().size();
                  case "getColumnLabel", "getColumnName" ->
                      answer.labels().get((Integer) args[0] - 1);
                  case "getColumnType" -> answer.types().get((Integer) args[0] - 1);
                  case "getColumnTypeName" -> typeName(answer.types().get((Integer) args[0] - 1));
                  default -> defaultValue(method.getReturnType());
                });
    return proxy(
        ResultSet.class,
        (self, method, args) -> {
          switch (method.getName()) {
            case "next":
              return ++row[0] < answer.rows().size();
            case "getMetaData":
              return metaData;
            case "wasNull":
              return last[0] == null;
            case "close", "setFetchSize":
              return null;
            default:
              break;
          }
          if (method.getName().startsWith("get") && args != null && args.length >= 1) {
            int column =
                args[0] instanceof Integer index
                    ? index - 1
                    : answer.labels().indexOf((String) args[0]);
            last[0] = answer.rows().get(row[0]).get(column);
            return convert(last[0], method.getReturnType());
          }
          return defaultValue(method.getReturnType());
        });
  }

  private static Object convert(Object value, Class<?> type) {
    if (value == null) {
      return defaultValue(type);
    }
    if (type == String.class) {
      return value.toString();
    }
    if (type == long.class) {
      return ((Number) value).longValue();
    }
    if (type == int.class) {
      return ((Number) value).intValue();
    }
    if (type == boolean.class) {
      return value;
    }
    return value;
  }

  private static String typeName(int type) {
    return switch (type) {
      case Types.VARCHAR -> "VARCHAR";
      case Types.DECIMAL, Types.NUMERIC, Types.BIGINT -> "NUMBER";
      case Types.TIMESTAMP_WITH_TIMEZONE -> "TIMESTAMPTZ";
      default -> "VARIANT";
    };
  }

  private Object record(String event) {
    events.add(event);
    return null;
  }

  private static Object defaultValue(Class<?> type) {
    if (type == boolean.class) {
      return false;
    }
    if (type == int.class) {
      return 0;
    }
    return type == long.class ? (Object) 0L : null;
  }

  @SuppressWarnings("unchecked")
  private static <T> T proxy(Class<T> type, InvocationHandler handler) {
    return (T)
        Proxy.newProxyInstance(
            RecordingJdbc.class.getClassLoader(), new Class<?>[] {type}, handler);
  }

  /** Column labels and rows of a canned answer, for tests that build them inline. */
  static List<List<Object>> rows(Object[]... rows) {
    List<List<Object>> list = new ArrayList<>();
    for (Object[] row : rows) {
      list.add(java.util.Arrays.asList(row));
    }
    return list;
  }
}
