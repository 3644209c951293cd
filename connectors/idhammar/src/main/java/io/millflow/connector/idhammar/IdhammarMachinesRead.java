package io.millflow.connector.idhammar;

import io.millflow.step.Param;
import io.millflow.step.ReadResult;
import io.millflow.step.Step;
import io.millflow.step.StepContext;
import io.millflow.step.StepType;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import jakarta.validation.constraints.NotBlank;

/**
 * Reads the lines and machines (of the connection's site, when it names one) into an {@code
 * idhammar.machine} dataset, one record per line or machine as the API sends it. {@link
 * IdhammarMachineMapper} maps them to assets.
 */
@Singleton
@StepType(
    id = "idhammar.machines.read",
    name = "Read Idhammar machines",
    group = "Sources",
    timeoutSeconds = 120,
    description = "Reads the lines and machines of Idhammar OEE, with site and ideal rate.")
public final class IdhammarMachinesRead implements Step<IdhammarMachinesRead.Input, ReadResult> {

  public static final String ENTITY = "idhammar.machine";

  public record Input(
      @Param(label = "Connection", description = "An Idhammar connection") @NotBlank
          String connection) {}

  private final IdhammarClientFactory clients;

  @Inject
  public IdhammarMachinesRead(IdhammarClientFactory clients) {
    this.clients = clients;
  }

  public IdhammarMachinesRead() {
    this(new HttpIdhammarClientFactory());
  }

  @Override
  public ReadResult run(Input input, StepContext context) {
    IdhammarConnection connection = IdhammarSteps.connection(input.connection(), context);
    IdhammarClient client = clients.forConnection(input.connection(), connection);
    String siteId = connection.siteId();
    context
        .log()
        .info(
            "Reading Idhammar lines and machines from '"
                + input.connection()
                + "'"
                + (siteId == null ? "" : " of site " + siteId));
    return PagedRead.read(
        cursor -> client.machines(siteId, 1_000, cursor),
        ENTITY,
        null,
        "lines and machines",
        context);
  }
}
