package io.millflow.step;

import io.millflow.step.binding.FieldError;
import io.millflow.step.binding.InvalidRecordException;
import io.millflow.step.binding.RecordBinder;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A connector's connection record ({@link ConnectionType}) read once: its fields, where each is
 * kept, and how a {@link Connection} (settings and credentials, as stored) becomes the typed
 * record. Binding goes through the same {@link RecordBinder} as step inputs, so a wrong value is
 * refused naming its field ({@code settings.timeoutSeconds}); an empty field takes its {@link
 * Param#defaultValue()}.
 *
 * <p>The reader is lenient about where a value was kept: a field is read from its own map and, when
 * absent there, from the other one, so connections saved before the record declared a field as a
 * credential still bind.
 */
public final class ConnectionKind<C extends Record> {

  private static final ClassValue<ConnectionKind<?>> KINDS =
      new ClassValue<>() {
        @Override
        @SuppressWarnings({"unchecked", "rawtypes"})
        protected ConnectionKind<?> computeValue(Class<?> type) {
          return new ConnectionKind(type);
        }
      };
  static final String HIDDEN = "(hidden)";

  /**
   * One component of the record. {@code signIn} is empty unless the system offers several sign-in
   * methods.
   */
  public record Field(
      String name, RecordComponent component, boolean credential, boolean secret, String signIn) {

    /** {@code settings} or {@code credentials}: the map of a connection the field is kept in. */
    public String group() {
      return credential ? "credentials" : "settings";
    }

    public Optional<Param> param() {
      return Optional.ofNullable(component.getAnnotation(Param.class));
    }
  }

  private final Class<C> recordType;
  private final String type;
  private final List<Field> fields;
  private final RecordBinder binder = new RecordBinder();

  private ConnectionKind(Class<C> recordType) {
    ConnectionType declared = recordType.getAnnotation(ConnectionType.class);
    if (!recordType.isRecord() || declared == null) {
      throw new IllegalArgumentException(
          recordType.getName()
              + " is no connection: declare it as a record annotated"
              + " @ConnectionType(\"<type>\")");
    }
    this.recordType = recordType;
    this.type = declared.value().toLowerCase(Locale.ROOT);
    this.fields =
        Arrays.stream(recordType.getRecordComponents()).map(ConnectionKind::field).toList();
  }

  @SuppressWarnings("unchecked")
  public static <C extends Record> ConnectionKind<C> of(Class<C> recordType) {
    return (ConnectionKind<C>) KINDS.get(recordType);
  }

  /** The type name connections of this kind are saved with. */
  public String type() {
    return type;
  }

  public Class<C> recordType() {
    return recordType;
  }

  public List<Field> fields() {
    return fields;
  }

  /** The sign-in methods in the order the record declares them; empty for a system with one. */
  public List<String> signIns() {
    return fields.stream().map(Field::signIn).filter(s -> !s.isEmpty()).distinct().toList();
  }

  /** Whether a setting or credential of that name is one of the record's secrets. */
  public boolean isSecret(String name) {
    return fields.stream().anyMatch(field -> field.secret() && field.name().equals(name));
  }

  /**
   * The connection as a step reads it.
   *
   * @throws StepFailure {@code WRONG_CONNECTION_TYPE} for a connection of another type, {@code
   *     CONNECTION_INVALID} for a value that is wrong, {@code CONNECTION_INCOMPLETE} for a setting
   *     that is missing
   * @throws ReauthRequiredException when only credentials are missing
   */
  public C bind(Connection connection) {
    if (!type.equalsIgnoreCase(connection.type())) {
      throw new StepFailure(
          "WRONG_CONNECTION_TYPE",
          "Connection '"
              + connection.name()
              + "' is a '"
              + connection.type()
              + "' connection; this step needs one of type '"
              + type
              + "': choose such a connection in the task's"
              + " Connection field.");
    }
    try {
      return validate(connection);
    } catch (InvalidConnectionException e) {
      if (e.onlyCredentialsMissing()) {
        throw new ReauthRequiredException(
            connection.name(),
            e.getMessage() + " Enter the credentials in the" + " connection's settings.");
      }
      throw new StepFailure(
          e.onlyMissing() ? "CONNECTION_INCOMPLETE" : "CONNECTION_INVALID",
          e.getMessage() + " Correct it in the connection's configuration.");
    }
  }

  /**
   * The connection bound and validated, as the API checks it at save and test.
   *
   * @throws InvalidConnectionException naming each field that is missing or wrong
   */
  public C validate(Connection connection) {
    Map<String, String> values = values(connection);
    List<FieldError> errors = new ArrayList<>(signInErrors(values));
    C bound = null;
    if (errors.isEmpty()) {
      try {
        bound = binder.bind(values, recordType);
      } catch (InvalidRecordException e) {
        e.errors()
            .forEach(error -> errors.add(absent(error, values).under(groupOf(error.field()))));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidConnectionException(connection.name(), errors, cause(errors, values));
    }
    return bound;
  }

  /**
   * The connection as it is stored: each field's value as text in its map, empty fields left out.
   * What {@link #bind} reads back into an equal record; for code that hands a connection on in its
   * stored form (a sandbox, a driver check that works on stored connections).
   */
  public Connection stored(String name, C connection) {
    Map<String, String> settings = new LinkedHashMap<>();
    Map<String, String> credentials = new LinkedHashMap<>();
    for (Field field : fields) {
      Object value = read(connection, field);
      if (value != null) {
        (field.credential() ? credentials : settings).put(field.name(), String.valueOf(value));
      }
    }
    return new Connection(name, type, settings, credentials);
  }

  /** The values of the record's secrets that are set: what a message must never contain. */
  public List<String> secretValues(C connection) {
    return fields.stream()
        .filter(Field::secret)
        .map(field -> read(connection, field))
        .filter(java.util.Objects::nonNull)
        .map(String::valueOf)
        .toList();
  }

  /**
   * The connection read into the record as far as it goes, its constraints and sign-in methods
   * unchecked (a missing credential stays null): for code that looks at where a connection leads
   * before it is complete.
   *
   * @throws InvalidConnectionException naming a field of the wrong type
   */
  public C read(Connection connection) {
    Map<String, String> values = values(connection);
    try {
      return binder.convert(values, recordType);
    } catch (InvalidRecordException e) {
      List<FieldError> errors =
          e.errors().stream().map(error -> error.under(groupOf(error.field()))).toList();
      throw new InvalidConnectionException(connection.name(), errors, Cause.WRONG_VALUE);
    }
  }

  /** What a record's {@code toString()} returns: every field, secrets as {@code (hidden)}. */
  public String describe(C connection) {
    return recordType.getSimpleName()
        + fields.stream()
            .map(
                field ->
                    field.name()
                        + "="
                        + (field.secret() ? HIDDEN : String.valueOf(read(connection, field))))
            .collect(Collectors.joining(", ", "[", "]"));
  }

  /**
   * {@link #describe} for a record of unknown kind: what a connection record's {@code toString()}
   * calls.
   */
  @SuppressWarnings("unchecked")
  public static <R extends Record> String describeAny(R connection) {
    return of((Class<R>) connection.getClass()).describe(connection);
  }

  private Map<String, String> values(Connection connection) {
    Map<String, String> values = new LinkedHashMap<>();
    for (Field field : fields) {
      Map<String, String> own =
          field.credential() ? connection.credentials() : connection.settings();
      Map<String, String> other =
          field.credential() ? connection.settings() : connection.credentials();
      String value = Optional.ofNullable(own.get(field.name())).orElse(other.get(field.name()));
      if (value != null && !value.isBlank()) {
        values.put(field.name(), field.secret() ? value : value.strip());
      } else {
        field
            .param()
            .map(Param::defaultValue)
            .filter(d -> !d.isEmpty())
            .ifPresent(d -> values.put(field.name(), d));
      }
    }
    return values;
  }

  // The method chosen is the first with any field filled; all its fields are then required, the
  // others' ignored.
  private List<FieldError> signInErrors(Map<String, String> values) {
    List<String> methods = signIns();
    if (methods.isEmpty()) {
      return List.of();
    }
    Optional<String> chosen =
        methods.stream()
            .filter(
                method ->
                    fieldsOf(method).stream().anyMatch(field -> values.containsKey(field.name())))
            .findFirst();
    if (chosen.isEmpty()) {
      return List.of(
          new FieldError(
              "credentials",
              "are missing: fill in those of one sign-in method, "
                  + methods.stream()
                      .map(
                          m ->
                              m
                                  + " ("
                                  + fieldsOf(m).stream()
                                      .map(Field::name)
                                      .collect(Collectors.joining(", "))
                                  + ")")
                      .collect(Collectors.joining(" or "))));
    }
    List<FieldError> errors = new ArrayList<>();
    for (Field field : fieldsOf(chosen.get())) {
      if (!values.containsKey(field.name())) {
        errors.add(
            new FieldError(
                field.group() + "." + field.name(),
                "must not be blank (sign-in " + chosen.get() + ")"));
      }
    }
    methods.stream()
        .filter(method -> !method.equals(chosen.get()))
        .forEach(method -> fieldsOf(method).forEach(field -> values.remove(field.name())));
    return errors;
  }

  private List<Field> fieldsOf(String signIn) {
    return fields.stream().filter(field -> field.signIn().equals(signIn)).toList();
  }

  // "must not be null" says little about a field the user left empty.
  private static FieldError absent(FieldError error, Map<String, String> values) {
    return values.containsKey(error.field().split("[.\\[]", 2)[0])
        ? error
        : new FieldError(error.field(), "is missing");
  }

  private String groupOf(String path) {
    String name = path.split("[.\\[]", 2)[0];
    return fields.stream()
        .filter(field -> field.name().equals(name))
        .findFirst()
        .map(field -> field.group() + ".")
        .orElse("");
  }

  /**
   * The errors are all about absent values: which groups they are in, or empty when some value is
   * wrong.
   */
  private static Cause cause(List<FieldError> errors, Map<String, String> values) {
    boolean allAbsent =
        errors.stream()
            .allMatch(
                error -> {
                  String[] path = error.field().split("\\.", 3);
                  return path.length == 1 || !values.containsKey(path[1]);
                });
    if (!allAbsent) {
      return Cause.WRONG_VALUE;
    }
    return errors.stream().allMatch(error -> error.field().startsWith("credentials"))
        ? Cause.MISSING_CREDENTIALS
        : Cause.MISSING_VALUES;
  }

  /** Why a connection did not bind, as far as the step's error model cares. */
  enum Cause {
    WRONG_VALUE,
    MISSING_VALUES,
    MISSING_CREDENTIALS
  }

  private static Field field(RecordComponent component) {
    Secret secret = component.getAnnotation(Secret.class);
    Credential credential = component.getAnnotation(Credential.class);
    if (secret != null && credential != null) {
      throw new IllegalArgumentException(
          component
              + " of "
              + component.getDeclaringRecord().getName()
              + " is both @Secret and @Credential: a secret is a credential already");
    }
    String signIn =
        secret != null ? secret.signIn() : credential != null ? credential.signIn() : "";
    return new Field(
        component.getName(),
        component,
        secret != null || credential != null,
        secret != null,
        signIn);
  }

  private static Object read(Record connection, Field field) {
    try {
      return field.component().getAccessor().invoke(connection);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(
          "Cannot read " + field.name() + " of " + connection.getClass().getName(), e);
    }
  }
}
