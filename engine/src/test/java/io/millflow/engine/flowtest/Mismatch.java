package io.millflow.engine.flowtest;

/** One thing a run did not do as its case expected: what, expected, actual. */
record Mismatch(String what, String expected, String actual) {

  @Override
  public String toString() {
    return what + "\n      expected: " + expected + "\n      actual:   " + actual;
  }
}
