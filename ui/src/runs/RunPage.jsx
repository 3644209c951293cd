import { useEffect, useMemo, useState } from 'preact/hooks';
import { api, fetchBpmnVersion } from '../api/client.js';
import { Badge, ErrorNote, Note, PageHeader, useLoad } from '../ui/components.jsx';
import { formatCount, formatDuration, formatTime, progressFraction } from '../ui/format.js';
import { runDuration } from './duration.js';
import { href } from '../app/routes.js';
import { elementStates, stepsByElement } from './runStates.js';
import { RunDiagram } from './RunDiagram.jsx';
import { RetryChoices } from './RetryChoices.jsx';
import { reauthConnection, reconnectHref } from './reauth.js';
import { balanceText, ledgerRows, newFields, unfilledFields } from './ledger.js';
import { elementNames, stepName, templateNames, withElementNames } from './names.js';
import { datasetsByAttempt, runVariables, startVariables } from './datasets.js';
import { AttemptDatasets } from './DatasetPreview.jsx';
import { LIVE_REFRESH_MS, batchesText, liveProgress, recordsText } from './progress.js';

/** One run: its diagram coloured by state, each step's attempts with records, logs and errors; retry at an incident. */
export function RunPage({ runId }) {
  // refreshed while the run is running; a finished run changes only when retried
  const [live, setLive] = useState(true);
  const detail = useLoad(() => api.get(`/api/runs/${encodeURIComponent(runId)}`), [runId, live], live ? LIVE_REFRESH_MS : 0);
  const run = detail.data?.run;
  useEffect(() => {
    if (run) setLive(run.status === 'running');
  }, [run?.status]);
  const bpmn = useLoad(() => (run ? fetchBpmnVersion(run.flowId, run.flowVersion) : null), [run?.flowId, run?.flowVersion]);
  const steps = useMemo(() => stepsByElement(detail.data?.steps), [detail.data]);
  const states = useMemo(() => elementStates(detail.data?.steps), [detail.data]);
  const progress = useMemo(() => liveProgress(steps), [steps]);
  const variables = useMemo(() => runVariables(detail.data?.steps), [detail.data]);
  // a run's input never changes: loaded once
  const started = useLoad(() => api.get(`/api/runs/${encodeURIComponent(runId)}/variables`), [runId]);
  const startRows = useMemo(() => startVariables(started.data), [started.data]);
  // the datasets grow as steps complete: loaded again when one more has
  const datasets = useLoad(() => api.get(`/api/runs/${encodeURIComponent(runId)}/datasets`), [runId, progress.stepsCompleted]);
  const byAttempt = useMemo(() => datasetsByAttempt(datasets.data), [datasets.data]);
  const [cancel, setCancel] = useState({ busy: false, error: null });
  const templates = useLoad(() => api.get('/api/element-templates'), []);
  const names = useMemo(() => elementNames(bpmn.data ? namedElements(bpmn.data) : []), [bpmn.data]);
  const byType = useMemo(() => templateNames(templates.data), [templates.data]);
  const nameOf = (row) => stepName(row.elementId, row.stepType, names, byType);

  const cancelRun = async () => {
    if (!confirm(`Cancel run ${runId.slice(0, 8)}? The steps still to run will not run.`)) return;
    setCancel({ busy: true, error: null });
    try {
      await api.post(`/api/runs/${encodeURIComponent(runId)}/cancel`);
      setCancel({ busy: false, error: null });
      setLive(true);
    } catch (error) {
      setCancel({ busy: false, error });
    }
  };

  const showStep = (elementId) => {
    const details = document.querySelector(`[data-step-detail="${CSS.escape(elementId)}"] details`);
    if (!details) return;
    details.open = true;
    details.scrollIntoView({ behavior: 'smooth', block: 'center' });
    details.querySelector('summary')?.focus();
  };

  if (!run) {
    return (
      <section>
        <PageHeader title={`Run ${runId.slice(0, 8)}`} />
        <ErrorNote error={detail.error} action="load the run" />
        {detail.loading && <p class="loading">Loading the run…</p>}
      </section>
    );
  }

  return (
    <section>
      <PageHeader title={`Run ${run.id.slice(0, 8)}`}>
        <a href={href('/runs', { flow: run.flowId })}>All runs of {run.flowId}</a>
        <a href={`#/flows/${encodeURIComponent(run.flowId)}/design`}>Open flow</a>
        {!run.endedAt && (
          <button type="button" class="danger" onClick={cancelRun} disabled={cancel.busy}>
            {cancel.busy ? 'Cancelling…' : 'Cancel run'}
          </button>
        )}
      </PageHeader>
      <div class="run-summary card" data-testid="run-summary">
        <div><span>Status</span><Badge status={run.status} /></div>
        <div><span>Flow</span>{run.flowId} v{run.flowVersion}</div>
        <div><span>Started</span>{formatTime(run.startedAt)}</div>
        <div data-testid="run-duration"><span>Duration</span>{runDuration(run)}</div>
        <div><span>Started by</span>{run.startedBy}</div>
        {run.businessKey && <div data-testid="run-business-key"><span>Business key</span>{run.businessKey}</div>}
        {detail.data?.sync?.kind === 'backfill' && (
          <div data-testid="run-window"><span>Backfill window</span>{formatTime(detail.data.sync.from)} – {formatTime(detail.data.sync.to)}</div>
        )}
        <div><span>Run id</span><span class="mono">{run.id}</span></div>
      </div>
      {run.error && <div class="note note-error" role="alert" data-testid="run-error"><strong>Error: </strong>{withElementNames(run.error, names)}</div>}
      {run.status === 'incident' && <RetryChoices run={run} onRetried={() => setLive(true)} />}
      <ErrorNote error={cancel.error} action="cancel the run" />
      <ErrorNote error={detail.error} action="refresh the run" />
      {!run.endedAt && <LiveProgress progress={progress} nameOf={(id) => names.get(id) || id} />}
      <h2>Diagram</h2>
      <ErrorNote error={bpmn.error} action="load the flow's diagram" />
      {bpmn.data && <RunDiagram xml={bpmn.data} states={states} runStatus={run.status} onSelect={showStep} />}
      <p class="muted">Click a step on the diagram to see its attempts below.</p>
      {detail.data?.ledger?.length > 0 && (
        <>
          <h2>Ledger</h2>
          {detail.data.ledger.map((path) => <LedgerPath path={path} key={`${path.source}-${path.sink}`} />)}
        </>
      )}
      <h2>Steps</h2>
      {steps.length === 0 ? <p class="muted">No step has started yet.</p> : (
        <table class="table" data-testid="steps-table">
          <thead>
            <tr><th>Step</th><th>Status</th><th>Attempts</th><th>Records in / out</th><th>Progress</th><th>Duration</th></tr>
          </thead>
          <tbody>
            {steps.map((row) => (
              <StepRow row={row} name={nameOf(row)} names={names} key={row.elementId} runId={run.id} datasets={byAttempt} />
            ))}
          </tbody>
        </table>
      )}
      <ErrorNote error={datasets.error} action="load the run's datasets" />
      <ErrorNote error={started.error} action="load the run's start variables" />
      {startRows && <StartVariables variables={startRows} />}
      {variables && <RunVariables variables={variables} name={variables.elementId} />}
    </section>
  );
}

/** One source-to-sink path: where every record read went, whether that adds up, and what the data lacked. */
function LedgerPath({ path }) {
  const unfilled = unfilledFields(path.fillRates);
  const drift = newFields(path.newFieldsSeen);
  return (
    <div class="card" data-testid="ledger-path">
      <p>
        <strong>{path.source} → {path.sink}</strong>{' '}
        <Badge status={path.balanced ? 'completed' : 'failed'} /> {balanceText(path)}
        {(path.window?.from || path.window?.to) && (
          <span class="muted"> · window {path.window.from || 'start'} to {path.window.to || '–'}</span>
        )}
      </p>
      <table class="table">
        <tbody>
          {ledgerRows(path).map(([label, count]) => <tr key={label}><td>{label}</td><td>{formatCount(count)}</td></tr>)}
        </tbody>
      </table>
      {path.rejected > 0 && (
        <p><small>Rejected: {Object.entries(path.rejectedReasons).map(([reason, n]) => `${reason} (${n})`).join('; ')}.
          First ones: {path.rejectedRecords.join(', ')}</small></p>
      )}
      {path.warnings.map((warning) => <Note kind="warning" key={warning}>{warning}</Note>)}
      {unfilled.length > 0 && (
        <details><summary>Fields not filled in every record ({unfilled.length})</summary>
          <ul>{unfilled.map(([field, fill]) => <li key={field}><span class="mono">{field}</span>: {fill}</li>)}</ul>
        </details>
      )}
      {drift.length > 0 && (
        <details><summary>New source fields seen ({drift.length})</summary>
          <ul>{drift.map(([field, seen]) => <li key={field}><span class="mono">{field}</span>: {seen}</li>)}</ul>
        </details>
      )}
    </div>
  );
}

/** What a running run is doing now: its running steps, the records they have done, and that the page follows. */
function LiveProgress({ progress, nameOf }) {
  return (
    <div class="card live-progress" data-testid="live-progress">
      <p>
        <strong>Running</strong> · {formatCount(progress.recordsSoFar)} records so far · {progress.stepsCompleted} step
        {progress.stepsCompleted === 1 ? '' : 's'} done <span class="muted">· updates every {LIVE_REFRESH_MS / 1000} s until the run ends</span>
      </p>
      {progress.current.length === 0 ? <p class="muted">Between steps.</p> : (
        <ul>
          {progress.current.map((step) => (
            <li key={step.elementId} data-testid="current-step" data-step-now={step.elementId}>
              Now at <strong>{nameOf(step.elementId)}</strong>
              {step.attempt > 1 && ` (attempt ${step.attempt})`}: {recordsText(step.done, step.total, formatCount)}
              {step.batches && <span data-testid="current-batches"> · {step.batches}</span>}
              {step.logLines > 0 && <span class="muted"> · {step.logLines} log line{step.logLines === 1 ? '' : 's'}</span>}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** The variables the run started with (from the API, the trigger or the schedule); secrets as references. */
function StartVariables({ variables }) {
  return (
    <>
      <h2>Start variables</h2>
      <p class="muted">What the run started with. Secrets and connection credentials show as their reference, never
        their value.</p>
      {!variables.kept ? <p class="muted" data-testid="start-variables">Not kept: the run started with more than
        64 KB of variables, or before start variables were kept.</p>
        : variables.rows.length === 0 ? <p class="muted" data-testid="start-variables">The run started with no variables.</p>
          : (
            <table class="table" data-testid="start-variables">
              <tbody>{variables.rows.map(([key, value]) => <tr key={key}><td class="mono">{key}</td><td><code>{value}</code></td></tr>)}</tbody>
            </table>
          )}
    </>
  );
}

/** The variables the run's latest step attempt started with (the engine's instance variables; secrets as references). */
function RunVariables({ variables, name }) {
  return (
    <>
      <h2>Variables at the latest step</h2>
      <p class="muted">As step {name} read them when it started{variables.complete ? '' : ' (cut short: the summary keeps 500 characters)'}.
        Secrets show as their {'{{secrets.NAME}}'} reference, never their value.</p>
      {variables.complete ? (
        <table class="table" data-testid="run-variables">
          <tbody>{variables.rows.map(([key, value]) => <tr key={key}><td class="mono">{key}</td><td><code>{value}</code></td></tr>)}</tbody>
        </table>
      ) : <pre data-testid="run-variables">{variables.text}</pre>}
    </>
  );
}

function StepRow({ row, name, names, runId, datasets }) {
  const { latest } = row;
  const fraction = progressFraction(latest.progressDone, latest.progressTotal);
  const batches = batchesText(latest);
  return (
    <>
      <tr data-step={row.elementId} class={`step-${row.state}`}>
        <td>
          <strong>{name}</strong>
          <div class="muted mono">{name !== row.elementId && `${row.elementId} · `}{row.stepType}</div>
        </td>
        <td><Badge status={latest.status} /></td>
        <td>{row.attempts.length}</td>
        <td>{formatCount(latest.recordsIn) || '–'} / {formatCount(latest.recordsOut) || '–'}</td>
        <td>
          {fraction === null ? (
            <span class="muted">{latest.progressDone != null ? `${formatCount(latest.progressDone)} so far` : '–'}</span>
          ) : (
            <div title={`${formatCount(latest.progressDone)} of ${formatCount(latest.progressTotal)}`}>
              <div class="progress" role="progressbar" aria-label={`Progress of ${name}`}
                aria-valuenow={Math.round(fraction * 100)} aria-valuemin={0} aria-valuemax={100}>
                <div style={{ width: `${fraction * 100}%` }} />
              </div>
              <small>{formatCount(latest.progressDone)} of {formatCount(latest.progressTotal)}</small>
            </div>
          )}
          {batches && <div><small data-testid="step-batches">{batches}</small></div>}
        </td>
        <td>{formatDuration(row.startedAt, row.endedAt)}</td>
      </tr>
      <tr class="step-detail" data-step-detail={row.elementId}>
        <td colSpan={6}>
          <details open={row.state === 'failed' || row.latest.status === 'running'}>
            <summary>Attempts, input, output, records and log of {name}</summary>
            {row.attempts.map((attempt) => (
              <Attempt attempt={attempt} names={names} key={attempt.id} runId={runId} datasets={datasets.get(attempt.id)} />
            ))}
          </details>
        </td>
      </tr>
    </>
  );
}

function Attempt({ attempt, names, runId, datasets }) {
  return (
    <div class="attempt">
      <p>
        <strong>Attempt {attempt.attempt}</strong> <Badge status={attempt.status} /> {formatTime(attempt.startedAt)}
        {' '}({formatDuration(attempt.startedAt, attempt.endedAt)})
        {attempt.worker && <span class="muted"> on {attempt.worker}</span>}
      </p>
      {attempt.error && (
        <div class="note note-error" data-testid="step-error">
          {attempt.errorCode && <strong>{attempt.errorCode}: </strong>}{withElementNames(attempt.error, names)}
          {attempt.errorCode === 'REAUTH_REQUIRED' && (
            <> <a href={reconnectHref(reauthConnection(attempt))} data-testid="reconnect-link">
              Reconnect {reauthConnection(attempt) || 'the connection'}</a></>
          )}
        </div>
      )}
      {attempt.inputSummary && <><small>Input</small><pre>{attempt.inputSummary}</pre></>}
      {attempt.outputSummary && <><small>Output</small><pre>{attempt.outputSummary}</pre></>}
      <AttemptDatasets runId={runId} datasets={datasets} />
      {attempt.log.length > 0 && (
        <>
          <small>Log</small>
          <pre>{attempt.log.map((line) => (
            <div class={`log-line log-${line.level}`}>{formatTime(line.at)} {line.level} {line.message}</div>
          ))}</pre>
        </>
      )}
      {attempt.errorDetail && (
        <details><summary>Stack trace (a bug: report it)</summary><pre>{attempt.errorDetail}</pre></details>
      )}
    </div>
  );
}

/** [id, name] of every element of a BPMN document that has both. */
function namedElements(xml) {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  return [...document.getElementsByTagName('*')].map((element) => [element.getAttribute('id'), element.getAttribute('name')]);
}
