package io.millflow.engine.operaton;

import io.millflow.step.Json;
import java.io.IOException;
import org.operaton.bpm.engine.impl.variable.serializer.AbstractObjectValueSerializer;

/**
 * Stores object variables (maps, lists, records, decimals) as JSON with Millflow's one Jackson
 * configuration, as Zeebe holds variables. Read back they are plain maps, lists and values whatever
 * class they were written from: no Java serialization, and no class named in the database is ever
 * loaded.
 */
final class JsonValueSerializer extends AbstractObjectValueSerializer {

  static final String FORMAT = "application/json";

  JsonValueSerializer() {
    super(FORMAT);
  }

  @Override
  public String getName() {
    return "millflow-json";
  }

  @Override
  protected String getTypeNameForDeserialized(Object deserializedObject) {
    return deserializedObject.getClass().getName();
  }

  @Override
  protected byte[] serializeToByteArray(Object deserializedObject) throws Exception {
    return write(deserializedObject);
  }

  /** A value as this serializer stores it. */
  static byte[] write(Object value) throws IOException {
    return Json.mapper().writeValueAsBytes(value);
  }

  @Override
  protected Object deserializeFromByteArray(byte[] object, String objectTypeName) throws Exception {
    return read(object);
  }

  /** A value as this serializer stored it, read back. */
  static Object read(byte[] json) throws IOException {
    return Json.mapper().readValue(json, Object.class);
  }

  @Override
  protected boolean isSerializationTextBased() {
    return true;
  }

  @Override
  protected boolean canSerializeValue(Object value) {
    return Json.mapper().canSerialize(value.getClass());
  }
}
