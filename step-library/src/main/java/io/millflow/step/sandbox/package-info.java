/**
 * The Sandbox SPI: a local twin of a system that a connector reads from, started by the runtime for
 * {@code ./millflow run} and by a connector's tests. A sandbox module offers a {@link
 * io.millflow.step.sandbox.SandboxProvider} through {@link java.util.ServiceLoader}; the runtime
 * starts every one it finds and offers the connections each names. A production build leaves the
 * sandbox modules out, and then none is found.
 */
package io.millflow.step.sandbox;
