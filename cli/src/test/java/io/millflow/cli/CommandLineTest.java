package io.millflow.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CommandLineTest {

  @Test
  void takesTheAddressAndTokenFromTheEnvironmentUnlessGiven() {
    CommandLine fromEnvironment =
        CommandLine.parse(
            List.of("diff", "setup", "--prune"),
            Map.of("MILLFLOW_URL", "http://runtime:8080", "MILLFLOW_TOKEN", "mf_env"));
    CommandLine given =
        CommandLine.parse(
            List.of("apply", "setup", "--url", "http://other", "--token", "mf_arg"),
            Map.of("MILLFLOW_TOKEN", "mf_env"));

    assertThat(fromEnvironment.url()).isEqualTo("http://runtime:8080");
    assertThat(fromEnvironment.token()).isEqualTo("mf_env");
    assertThat(fromEnvironment.prune()).isTrue();
    assertThat(given.url()).isEqualTo("http://other");
    assertThat(given.token()).isEqualTo("mf_arg");
    assertThat(given.toString()).doesNotContain("mf_arg");
  }

  @Test
  void refusesAMissingTokenOrFolderWithAUsageErrorThatNeverShowsTheToken() {
    assertThatThrownBy(() -> CommandLine.parse(List.of("export", "setup"), Map.of()))
        .hasMessageContaining("MILLFLOW_TOKEN");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new Millflow(
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(List.of("export", "--token", "mf_secret_token"), Map.of());

    assertThat(code).isEqualTo(Millflow.USAGE);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .contains("Give the folder")
        .doesNotContain("mf_secret_token");
  }

  @Test
  void anUnreachableRuntimeIsOneLineAndExitCodeOne() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code =
        new Millflow(
                new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8))
            .run(
                List.of("export", "target/unreachable", "--url", "http://127.0.0.1:9"),
                Map.of("MILLFLOW_TOKEN", "mf_secret_token"));

    assertThat(code).isEqualTo(Millflow.FAILED);
    assertThat(err.toString(StandardCharsets.UTF_8))
        .startsWith("millflow export: Cannot reach http://127.0.0.1:9/")
        .doesNotContain("mf_secret_token");
  }
}
