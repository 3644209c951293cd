package io.millflow.engine.access;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every {@code /api} method names its role, and the least-privilege test calls every one of them. */
class ApiAccessCoverageTest {

  @Test
  void everyApiMethodNamesTheRoleItNeeds() throws IOException {
    List<String> unnamed = apiMethods()
        .filter(method -> !method.isAnnotationPresent(Access.class)
            && !method.getDeclaringClass().isAnnotationPresent(Access.class))
        .map(method -> method.getDeclaringClass().getSimpleName() + "." + method.getName()).toList();
    assertThat(unnamed).isEmpty();
  }

  @Test
  void theLeastPrivilegeTestCallsEveryApiMethod() throws IOException {
    assertThat(AccessControlTest.ENDPOINTS).hasSize((int) apiMethods().count());
  }

  private static Stream<Method> apiMethods() throws IOException {
    try (Stream<java.nio.file.Path> files = Files.list(java.nio.file.Path.of("target/classes/io/millflow/engine/api"))) {
      return files.map(file -> file.getFileName().toString()).filter(name -> name.endsWith("Resource.class"))
          .<Class<?>>map(name -> load("io.millflow.engine.api." + name.replace(".class", "")))
          .filter(type -> type.isAnnotationPresent(Path.class) && type.getAnnotation(Path.class).value().startsWith("/api"))
          .flatMap(type -> Arrays.stream(type.getDeclaredMethods()))
          .filter(method -> Stream.of(GET.class, POST.class, PUT.class, DELETE.class).anyMatch(method::isAnnotationPresent))
          .toList().stream();
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }
}
