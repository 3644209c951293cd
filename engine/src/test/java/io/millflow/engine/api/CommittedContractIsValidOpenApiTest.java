package io.millflow.engine.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.millflow.engine.RepoPaths;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.io.IOException;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/**
 * The committed contract, docs/openapi.yaml, is a valid OpenAPI 3.1 document as an independent
 * OpenAPI parser reads it (swagger-parser: the structure, the references, the schemas); a broken
 * one is refused with the parser's messages.
 */
class CommittedContractIsValidOpenApiTest {

  @Test
  void theCommittedContractIsValidOpenApi() throws IOException {
    String yaml = Files.readString(RepoPaths.root().resolve("docs/openapi.yaml"));
    SwaggerParseResult result = parse(yaml);
    assertThat(result.getOpenAPI()).isNotNull();
    assertThat(result.getOpenAPI().getOpenapi()).startsWith("3.1.");
    assertThat(result.getMessages()).as("the parser's messages about docs/openapi.yaml").isEmpty();
  }

  @Test
  void aContractWithADanglingReferenceOrAMissingResponseIsRefused() throws IOException {
    String yaml = Files.readString(RepoPaths.root().resolve("docs/openapi.yaml"));
    String dangling = yaml.replace("#/components/schemas/FlowRun", "#/components/schemas/NoSuch");
    assertThat(parse(dangling).getMessages()).anyMatch(m -> m.contains("NoSuch"));
    String noResponses = yaml.replaceFirst("      responses:\n", "      responsez:\n");
    assertThat(parse(noResponses).getMessages()).isNotEmpty();
  }

  private static SwaggerParseResult parse(String yaml) {
    ParseOptions options = new ParseOptions();
    options.setResolve(true);
    options.setValidateInternalRefs(true);
    return new OpenAPIV3Parser().readContents(yaml, null, options);
  }
}
