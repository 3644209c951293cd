package io.millflow.engine.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.RepoPaths;
import io.smallrye.config.WithName;
import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md names every key of {@link MillflowConfig}, and no {@code millflow.*} key
 * that is not one, so the reference cannot fall behind the code or keep a key that does nothing.
 * Map keys are written with a placeholder in angle brackets ({@code
 * millflow.connections.<name>.type}).
 */
class ConfigurationReferenceTest {

  private static final String ANY = "<*>";
  private static final Pattern DOCUMENTED_KEY = Pattern.compile("`(millflow\\.[a-z0-9.<>-]+)`");
  private static final Pattern PLACEHOLDER = Pattern.compile("<[a-z-]+>");

  @Test
  void documentsEveryKeyTheConfigurationDeclares() throws IOException {
    assertThat(documentedKeys()).containsAll(declaredKeys());
  }

  @Test
  void documentsNoKeyTheConfigurationDoesNotDeclare() throws IOException {
    assertThat(declaredKeys()).containsAll(documentedKeys());
  }

  private static Set<String> documentedKeys() throws IOException {
    Matcher keys =
        DOCUMENTED_KEY.matcher(Files.readString(RepoPaths.root().resolve("docs/configuration.md")));
    Set<String> documented = new TreeSet<>();
    while (keys.find()) {
      documented.add(PLACEHOLDER.matcher(keys.group(1)).replaceAll(ANY));
    }
    return documented;
  }

  private static Set<String> declaredKeys() {
    Set<String> keys = new TreeSet<>();
    collect("millflow", MillflowConfig.class, keys);
    return keys;
  }

  private static void collect(String prefix, Class<?> group, Set<String> keys) {
    Arrays.stream(group.getMethods())
        .filter(method -> Modifier.isAbstract(method.getModifiers()))
        .forEach(
            method -> {
              String key = prefix + "." + name(method);
              if (method.getReturnType() == Map.class) {
                Type values =
                    ((ParameterizedType) method.getGenericReturnType()).getActualTypeArguments()[1];
                leafOrGroup(key + "." + ANY, values, keys);
              } else {
                leafOrGroup(key, method.getReturnType(), keys);
              }
            });
  }

  private static void leafOrGroup(String key, Type type, Set<String> keys) {
    if (type instanceof Class<?> group
        && group.isInterface()
        && group.getDeclaringClass() == MillflowConfig.class) {
      collect(key, group, keys);
    } else {
      keys.add(key);
    }
  }

  private static String name(Method method) {
    WithName named = method.getAnnotation(WithName.class);
    return named != null
        ? named.value()
        : method.getName().replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }
}
