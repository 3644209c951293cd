package io.millflow.engine.access;

import jakarta.enterprise.context.RequestScoped;

/** The caller of the request being served, set by {@link AccessFilter} before any resource method runs. */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  void set(Caller caller) {
    this.caller = caller;
  }

  public Caller get() {
    if (caller == null) {
      throw new IllegalStateException("No authenticated caller: the method lacks an @Access role");
    }
    return caller;
  }

  /** The tenant every resource of this request belongs to. */
  public String tenantId() {
    return get().tenantId();
  }
}
