package io.millflow.connector.idhammar.sandbox;

import io.millflow.connector.idhammar.sandbox.Plant.Machine;
import java.util.function.Predicate;

/**
 * The {@code machineId} and {@code siteId} filters of the lists; an unknown id is a 400 naming it.
 */
final class PlantFilter {

  private final Plant plant;

  PlantFilter(Plant plant) {
    this.plant = plant;
  }

  Predicate<Machine> machines(QueryParameters query) {
    String machineId = query.text("machineId");
    String siteId = query.text("siteId");
    if (machineId != null && plant.machine(machineId).isEmpty()) {
      throw new BadRequest(
          "unknown_machine",
          "No machine has id '"
              + machineId
              + "': list them with GET"
              + " /api/v1/machines (lines carry no events or counts; give one of their machines).");
    }
    if (siteId != null && plant.site(siteId).isEmpty()) {
      throw new BadRequest(
          "unknown_site", "No site has id '" + siteId + "': list them with GET /api/v1/sites.");
    }
    return machine ->
        (machineId == null || machine.id().equals(machineId))
            && (siteId == null || machine.line().site().id().equals(siteId));
  }
}
