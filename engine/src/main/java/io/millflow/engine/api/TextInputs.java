package io.millflow.engine.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.databind.BeanProperty;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.Module;
import com.fasterxml.jackson.databind.deser.ContextualDeserializer;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.millflow.engine.input.TextInput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The check of every string in a JSON request body, in one place: each value against the {@link
 * TextInput.Kind} of its field, each object key as a name. A value that fails is refused with the
 * field's path and the fix ({@link Refused}), before any resource sees it; the value itself is
 * never repeated in the answer.
 */
public final class TextInputs {

  private TextInputs() {}

  /**
   * The Jackson module that checks strings; the API's mapper and the mappers that read request maps
   * register it.
   */
  public static Module module() {
    return new SimpleModule("millflow-text-inputs")
        .addDeserializer(String.class, new CheckedString(TextInput.Kind.TEXT))
        .addKeyDeserializer(String.class, new CheckedKey());
  }

  /** A string a request may not hold, and the field that holds it. */
  public static final class Refused extends JsonMappingException {

    private final String field;
    private final String problem;

    /**
     * @param ofKey the string is an object key: the field named is the object that has it
     */
    Refused(JsonParser parser, String problem, boolean ofKey) {
      super(parser, problem);
      this.field = field(parser.getParsingContext(), ofKey);
      this.problem = problem;
    }

    /**
     * The field as a dotted path, e.g. {@code routes[0].condition}; read from the parser, so
     * untyped maps have it too.
     */
    public String field() {
      return field;
    }

    /** What is wrong and the fix, without the field's name. */
    public String problem() {
      return problem;
    }

    private static String field(JsonStreamContext context, boolean ofKey) {
      Deque<String> parts = new ArrayDeque<>();
      for (JsonStreamContext at = ofKey ? context.getParent() : context;
          at != null && !at.inRoot();
          at = at.getParent()) {
        if (at.inArray()) {
          parts.push("[" + Math.max(at.getCurrentIndex(), 0) + "]");
        } else if (at.getCurrentName() != null) {
          parts.push("." + JsonProblems.printable(at.getCurrentName()));
        }
      }
      String path = String.join("", parts);
      return path.isEmpty() ? "(the body)" : path.startsWith(".") ? path.substring(1) : path;
    }
  }

  private static final class CheckedString extends StdScalarDeserializer<String>
      implements ContextualDeserializer {

    private final TextInput.Kind kind;

    CheckedString(TextInput.Kind kind) {
      super(String.class);
      this.kind = kind;
    }

    @Override
    public JsonDeserializer<?> createContextual(
        DeserializationContext context, BeanProperty property) {
      TextInput declared = property == null ? null : property.getAnnotation(TextInput.class);
      return declared == null || declared.value() == kind
          ? this
          : new CheckedString(declared.value());
    }

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      String value = StringDeserializer.instance.deserialize(parser, context);
      if (value != null) {
        var problem = kind.problem(value);
        if (problem.isPresent()) {
          throw new Refused(parser, problem.get(), false);
        }
      }
      return value;
    }
  }

  private static final class CheckedKey extends KeyDeserializer {

    @Override
    public Object deserializeKey(String key, DeserializationContext context) throws IOException {
      var problem = TextInput.Kind.NAME.problem(key);
      if (problem.isPresent()) {
        throw new Refused(context.getParser(), "has a key that " + problem.get(), true);
      }
      return key;
    }
  }
}
