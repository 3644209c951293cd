package io.millflow.step.testing;

import java.util.ArrayList;
import java.util.List;

/**
 * A write benchmark's rounds: the seconds its step and its bare HTTP loop took over the same number
 * of records, round by round, and the Markdown row they come to (medians of the rounds, the loop's
 * median time over the step's as the throughput ratio, and each round's ratio). Each side is timed
 * after a full collection, so neither pays for the garbage of what ran before it (the records made
 * for the round, the other side's answers): without it the side that went first in a round lost 0.1
 * to 0.25 of the ratio. Run an even number of rounds, alternating which side goes first.
 */
public final class BenchRounds {

  /** Something timed: one side of one round. */
  public interface Timed {
    void run() throws Exception;
  }

  private final List<Double> step = new ArrayList<>();
  private final List<Double> loop = new ArrayList<>();

  public void timeStep(Timed timed) throws Exception {
    step.add(seconds(timed));
  }

  public void timeLoop(Timed timed) throws Exception {
    loop.add(seconds(timed));
  }

  /** {@code round N (step|loop first): step S s, loop S s, ratio}, for the round just timed. */
  public String lastRound(boolean loopFirst) {
    int round = step.size() - 1;
    return String.format(
        "round %d (%s first): step %.2f s, loop %.2f s, %.2f",
        round + 1,
        loopFirst ? "loop" : "step",
        step.get(round),
        loop.get(round),
        loop.get(round) / step.get(round));
  }

  public double medianStep() {
    return median(step);
  }

  /** {@code | mode | records | step s | /s | loop s | /s | ratio (rounds: r1, r2, ...) |}. */
  public String row(String mode, int records) {
    double stepSeconds = median(step);
    double loopSeconds = median(loop);
    List<String> ratios = new ArrayList<>();
    for (int i = 0; i < step.size(); i++) {
      ratios.add(String.format("%.2f", loop.get(i) / step.get(i)));
    }
    return String.format(
        "| %s | %,d | %.1f | %,.0f | %.1f | %,.0f | %.2f (rounds: %s) |",
        mode,
        records,
        stepSeconds,
        records / stepSeconds,
        loopSeconds,
        records / loopSeconds,
        loopSeconds / stepSeconds,
        String.join(", ", ratios));
  }

  private static double seconds(Timed timed) throws Exception {
    System.gc();
    long start = System.nanoTime();
    timed.run();
    return (System.nanoTime() - start) / 1e9;
  }

  private static double median(List<Double> values) {
    List<Double> sorted = values.stream().sorted().toList();
    int middle = sorted.size() / 2;
    return sorted.size() % 2 == 1
        ? sorted.get(middle)
        : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
  }
}
