package io.millflow.connector.idhammar.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.millflow.step.Json;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The sandbox's fixed plant: two sites, two lines each, three machines a line (twelve machines),
 * the reason codes of downtime and rejects, and the three shifts. Ideal rates come from the seed;
 * everything else is constant.
 */
final class Plant {

  record Site(String id, String name, String timezone) {}

  record Line(String id, String name, Site site) {}

  record Machine(int index, String id, String name, Line line, int idealRatePerHour) {}

  record Reason(String code, String text, String category, boolean planned) {}

  /** A shift of every day, {@code [startHour, startHour + 8)} UTC. */
  record Shift(String code, String name, int startHour) {}

  static final int LINES_PER_SITE = 2;
  static final int MACHINES_PER_LINE = 3;

  static final List<Reason> DOWNTIME_REASONS =
      List.of(
          new Reason("CO", "Changeover", "Changeover", true),
          new Reason("PM", "Planned maintenance", "Maintenance", true),
          new Reason("BRK", "Break", "Break", true),
          new Reason("ME01", "Mechanical breakdown", "Mechanical", false),
          new Reason("EL01", "Electrical fault", "Electrical", false),
          new Reason("MAT1", "Waiting for material", "Material", false),
          new Reason("JAM", "Product jam", "Mechanical", false),
          new Reason("QS", "Quality stop", "Quality", false),
          new Reason("OP", "No operator", "Operator", false));

  static final List<Reason> REJECT_REASONS =
      List.of(
          new Reason("Q01", "Dimension out of tolerance", "Scrap", false),
          new Reason("Q02", "Surface defect", "Scrap", false),
          new Reason("Q03", "Seal leak", "Scrap", false),
          new Reason("Q04", "Label misprint", "Scrap", false));

  static final List<Shift> SHIFTS =
      List.of(
          new Shift("A", "Morning", 6),
          new Shift("B", "Afternoon", 14),
          new Shift("C", "Night", 22));

  static final String[] OPERATORS = {
    "A. Berg", "J. Lind", "M. Okafor", "S. Novak", "T. Reyes", "L. Chen"
  };

  private static final String[] MACHINE_KINDS = {"Filler", "Capper", "Labeller"};

  private final List<Site> sites =
      List.of(
          new Site("SE-GBG", "Gothenburg plant", "UTC"),
          new Site("US-CLT", "Charlotte plant", "UTC"));
  private final List<Line> lines = new ArrayList<>();
  private final List<Machine> machines = new ArrayList<>();
  private final Instant createdAt;

  Plant(long seed, Instant createdAt) {
    this.createdAt = createdAt;
    SplittableRandom random = new SplittableRandom(seed);
    for (int s = 0; s < sites.size(); s++) {
      for (int l = 1; l <= LINES_PER_SITE; l++) {
        Line line =
            new Line(
                "L" + (s + 1) + l, sites.get(s).name().split(" ")[0] + " line " + l, sites.get(s));
        lines.add(line);
        for (int m = 1; m <= MACHINES_PER_LINE; m++) {
          int rate = 600 + 60 * random.nextInt(0, 50);
          machines.add(
              new Machine(
                  machines.size(),
                  "M-" + (s + 1) + l + "0" + m,
                  MACHINE_KINDS[m - 1] + " " + (s + 1) + l + "0" + m,
                  line,
                  rate));
        }
      }
    }
  }

  List<Site> sites() {
    return sites;
  }

  List<Machine> machines() {
    return machines;
  }

  int machineCount() {
    return machines.size();
  }

  Machine machine(int index) {
    return machines.get(index);
  }

  Optional<Machine> machine(String id) {
    return machines.stream().filter(machine -> machine.id().equals(id)).findFirst();
  }

  Optional<Site> site(String id) {
    return sites.stream().filter(site -> site.id().equals(id)).findFirst();
  }

  static Optional<Reason> downtimeReason(String code) {
    return DOWNTIME_REASONS.stream().filter(reason -> reason.code().equals(code)).findFirst();
  }

  /** The shift an instant (epoch seconds) falls in. */
  static Shift shiftAt(long epochSecond) {
    int hour = (int) Math.floorMod(epochSecond, 86_400L) / 3_600;
    return hour >= 22 || hour < 6 ? SHIFTS.get(2) : hour < 14 ? SHIFTS.get(0) : SHIFTS.get(1);
  }

  /**
   * Sites, then per site its lines, each followed by its machines: the order of {@code GET
   * /api/v1/machines}.
   */
  List<ObjectNode> equipment() {
    List<ObjectNode> all = new ArrayList<>();
    for (Line line : lines) {
      List<Machine> ofLine = machines.stream().filter(machine -> machine.line() == line).toList();
      all.add(
          equipment(
              line.id(),
              line.name(),
              "line",
              null,
              line.site(),
              ofLine.stream().mapToInt(Machine::idealRatePerHour).min().orElse(0)));
      ofLine.forEach(
          machine ->
              all.add(
                  equipment(
                      machine.id(),
                      machine.name(),
                      "machine",
                      line.id(),
                      line.site(),
                      machine.idealRatePerHour())));
    }
    return all;
  }

  private ObjectNode equipment(
      String id, String name, String type, String lineId, Site site, int rate) {
    return Json.mapper()
        .createObjectNode()
        .put("id", id)
        .put("name", name)
        .put("type", type)
        .put("lineId", lineId)
        .put("siteId", site.id())
        .put("idealRatePerHour", rate)
        .put("active", true)
        .put("createdAt", createdAt.toString())
        .put("updatedAt", createdAt.toString());
  }

  ObjectNode json(Site site) {
    return Json.mapper()
        .createObjectNode()
        .put("id", site.id())
        .put("name", site.name())
        .put("timezone", site.timezone());
  }

  static ObjectNode json(Reason reason) {
    return Json.mapper()
        .createObjectNode()
        .put("code", reason.code())
        .put("text", reason.text())
        .put("category", reason.category())
        .put("planned", reason.planned());
  }

  static ObjectNode json(Shift shift) {
    return Json.mapper()
        .createObjectNode()
        .put("code", shift.code())
        .put("name", shift.name())
        .put("start", "%02d:00".formatted(shift.startHour()))
        .put("end", "%02d:00".formatted((shift.startHour() + 8) % 24))
        .put("scheduledMinutes", 480);
  }
}
