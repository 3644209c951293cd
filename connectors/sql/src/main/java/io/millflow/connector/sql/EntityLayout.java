package io.millflow.connector.sql;

import io.millflow.model.UnifiedRecords;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * How one unified entity is stored in a SQL sink: one table (named after the entity in snake_case
 * unless the step names another), keyed by {@code key}, with the columns {@link RecordColumns}
 * derives from the record class, then {@code synced_at}. Tables are created from this layout and
 * gain a nullable column for each new model field; the loads and upserts of every sink use the same
 * column list. Each connector's README documents the layouts in its types.
 *
 * @param entity the entity name datasets carry ({@code vendor}, {@code purchaseOrder}, ...)
 * @param columns the columns loaded from records, in table order
 */
public record EntityLayout<T extends Record>(
    String entity, Class<T> type, List<Column<T>> columns) {

  /** Every unified table's primary key. */
  public static final List<String> KEY = List.of("key");

  /** The column the newer-wins rule compares. */
  public static final String SOURCE_UPDATED_AT = "source_updated_at";

  /** When Millflow last inserted or changed the row: the time of that write's transaction. */
  public static final Column<Object> SYNCED_AT =
      Column.generated("synced_at", ColumnType.SYNC_TIME);

  private static final Map<String, EntityLayout<?>> LAYOUTS = layouts();

  /** The layout of a unified entity, or empty for any other entity (a generic dataset). */
  public static Optional<EntityLayout<?>> forEntity(String entity) {
    return Optional.ofNullable(LAYOUTS.get(entity));
  }

  /** The layout of a unified record class. */
  @SuppressWarnings("unchecked")
  public static <T extends Record> EntityLayout<T> of(Class<T> type) {
    return (EntityLayout<T>)
        LAYOUTS.values().stream()
            .filter(layout -> layout.type == type)
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException(type + " is not a unified entity"));
  }

  /** Every unified layout, in the order the model documents the entities. */
  public static Collection<EntityLayout<?>> all() {
    return LAYOUTS.values();
  }

  /** The column names loaded from records. */
  public List<String> names() {
    return Column.names(columns);
  }

  /** The loaded columns other than the key: what an upsert compares and sets. */
  public List<String> valueNames() {
    return names().stream().filter(name -> !KEY.contains(name)).toList();
  }

  /** The columns as the table has them: the loaded ones, then {@code synced_at}. */
  public List<Column<?>> tableColumns() {
    return withSyncedAt(columns);
  }

  /** A record's key. */
  public String key(T record) {
    Object key = column("key").valueOf(record);
    return key == null ? null : key.toString();
  }

  /** A record's source updated-at, or null: what the newer-wins rule compares. */
  public Instant sourceUpdatedAt(T record) {
    return (Instant) column(SOURCE_UPDATED_AT).valueOf(record);
  }

  /** {@code columns}, then {@code synced_at}. */
  public static List<Column<?>> withSyncedAt(List<? extends Column<?>> columns) {
    List<Column<?>> all = new ArrayList<>(columns);
    all.add(SYNCED_AT);
    return List.copyOf(all);
  }

  private Column<T> column(String name) {
    return columns.stream()
        .filter(column -> column.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalStateException(entity + " has no column " + name));
  }

  private static Map<String, EntityLayout<?>> layouts() {
    Map<String, EntityLayout<?>> layouts = new LinkedHashMap<>();
    UnifiedRecords.ENTITIES.forEach((entity, type) -> layouts.put(entity, layout(entity, type)));
    return Collections.unmodifiableMap(layouts);
  }

  private static <T extends Record> EntityLayout<T> layout(String entity, Class<T> type) {
    return new EntityLayout<>(entity, type, RecordColumns.of(type));
  }
}
