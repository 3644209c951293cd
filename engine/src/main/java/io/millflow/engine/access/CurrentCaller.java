package io.millflow.engine.access;

import jakarta.enterprise.context.RequestScoped;

/**
 * The caller of the request being served, set by the API's access filter ({@code
 * io.millflow.engine.api.AccessFilter}) before any resource method runs.
 */
@RequestScoped
public class CurrentCaller {

  private Caller caller;

  /** For the API's access filter alone, once the request's token is authenticated. */
  public void set(Caller caller) {
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
