package io.millflow.engine.operaton;

import java.util.function.BiConsumer;
import org.operaton.bpm.engine.delegate.ExecutionListener;

/**
 * What the translated flows of one engine call back into: FEEL, the fetch loop's wake-up when a
 * task is created, the chains that hand a created task to the attempt that completed the one before
 * it, the held messages when an instance arrives at a message catch (name, correlation key), and
 * the run-end recorder.
 */
record Translation(
    Feel feel,
    Runnable taskCreated,
    TaskChains chains,
    BiConsumer<String, String> catchOpened,
    ExecutionListener runEnded) {}
