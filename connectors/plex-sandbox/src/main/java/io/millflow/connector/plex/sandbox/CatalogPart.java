package io.millflow.connector.plex.sandbox;

/**
 * What the sandbox's parts are made of: part {@code i} is catalog entry {@code i % 8}, so a part,
 * the purchase-order lines that buy it and the containers that hold it describe it alike.
 *
 * @param quantityScale decimals of its quantities (3 for kilograms, 0 for pieces)
 */
record CatalogPart(String description, String unit, int quantityScale, String type, String group) {

  private static final CatalogPart[] CATALOG = {
    new CatalogPart("Bearing 6204-2RS", "ea", 0, "Raw Material", "Bearings"),
    new CatalogPart("Hex bolt M8x40 8.8 zinc", "ea", 0, "Raw Material", "Fasteners"),
    new CatalogPart("Cold-rolled steel coil 1.2 mm", "kg", 3, "Raw Material", "Steel"),
    new CatalogPart("Hydraulic hose 1/2in", "m", 2, "Sub Assembly", "Hydraulics"),
    new CatalogPart("PA66 GF30 resin pellets", "kg", 3, "Raw Material", "Resins"),
    new CatalogPart("Cutting insert CNMG 120408", "ea", 0, "Raw Material", "Tooling"),
    new CatalogPart("Shrink wrap 500 mm", "roll", 0, "Raw Material", "Packaging"),
    new CatalogPart("Coolant concentrate", "l", 1, "Raw Material", "Fluids")
  };

  static CatalogPart of(int partIndex) {
    return CATALOG[partIndex % CATALOG.length];
  }
}
