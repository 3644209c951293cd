// What a run at an incident can do next, and what to tell the user: a retry runs the version the run started on
// unless it is moved to the latest, so the advice depends on whether a newer version exists.

/**
 * The retry choices for a run at an incident, given the flow's latest deployed version (null when unknown) and the
 * engine's capabilities (`GET /api/engine`; null until known): `{version, latest, newer, choices: [{kind, version,
 * label, unavailable?}], advice}`. A choice the engine refuses (retry on the latest on a Camunda 8 cluster) is kept,
 * with `unavailable` saying why, so the page shows it disabled with the reason.
 */
export function retryChoices(run, latestVersion, engine = null) {
  const version = run.flowVersion ?? null;
  const latest = latestVersion ?? version;
  const newer = version !== null && latest !== null && latest > version;
  const choices = [{ kind: 'same', version, label: version === null ? 'Retry failed steps' : `Retry failed steps on v${version}` }];
  const moveRefused = engine?.retryOnLatest?.supported === false ? engine.retryOnLatest.reason : null;
  if (newer) {
    const latestChoice = { kind: 'latest', version: latest, label: `Retry on the latest version, v${latest}` };
    choices.push(moveRefused ? { ...latestChoice, unavailable: moveRefused } : latestChoice);
  }
  choices.push({
    kind: 'new', version: latest,
    label: latest === null ? 'Start a new run with the same input' : `Start a new run of v${latest} with the same input`
  });
  return { version, latest, newer, choices, advice: advice(version, latest, newer, moveRefused !== null) };
}

function advice(version, latest, newer, moveRefused) {
  const on = version === null ? 'the version it started on' : `v${version}, the version it started on`;
  if (newer) {
    return `A retry on the same version runs ${on}, without the changes of v${latest}. `
      + (moveRefused ? 'To pick up a fix to the flow, start a new run: this engine cannot move a run to another version.'
        : 'To pick up a fix to the flow, retry on the latest version (the run moves there) or start a new run.');
  }
  return `A retry runs ${on}: fix the cause outside the flow (a connection's credentials, the data), then retry. `
    + 'If the flow itself must change, deploy the fix as a new version first, then retry on the latest version.';
}

/** The API path that carries out a retry choice (POST), and its body. */
export function retryRequest(run, choice) {
  const id = encodeURIComponent(run.id);
  switch (choice.kind) {
    case 'same':
      return { path: `/api/runs/${id}/retry?version=same` };
    case 'latest':
      return { path: `/api/runs/${id}/retry?version=latest` };
    case 'new':
      return { path: `/api/runs/${id}/restart` };
    default:
      throw new Error(`Unknown retry choice ${choice.kind}`);
  }
}
