import { useEffect, useRef, useState } from 'preact/hooks';
import { api, fetchBpmn } from '../api/client.js';
import { ApiError, describeError } from '../api/errors.js';
import { blankFlow, copyStarter } from '../flows/starters.js';
import { href } from '../app/routes.js';
import { ErrorNote } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import { setLeaveGuard } from '../app/leaveGuard.js';
import { storedIdentity } from '../auth/token.js';
import { clearDraft, draftKey, draftToOffer, loadDraft, saveDraft } from './drafts.js';
import { createModeler, elementName, markProblems, processId, selectElement, startLinting } from './modeler.js';
import { lintRows, parseVariables, placeDeployProblems, reasonsByElement } from './problems.js';
import { StartRunForm } from './StartRunForm.jsx';
import { NextRuns } from './NextRuns.jsx';

/** The BPMN to open: the deployed flow, or a copy of a starter (query `starter`) under the new id. */
async function loadDiagram(flowId, query) {
  if (query.starter === 'blank') return { xml: blankFlow(flowId, query.name), isNew: true };
  if (query.starter) {
    const starter = await fetchBpmn(query.starter);
    return { xml: copyStarter(starter, { fromId: query.starter, toId: flowId, name: query.name }), isNew: true };
  }
  return { xml: await fetchBpmn(flowId), isNew: false };
}

/** The tenant's connections with their health, and the connection types: what the Connection dropdowns offer. */
async function loadWiring() {
  const [connections, types] = await Promise.all([api.get('/api/connections'), api.get('/api/connection-types')]);
  const health = await Promise.all(connections.map((connection) =>
    api.get(`/api/connections/${encodeURIComponent(connection.name)}/status`).catch(() => null)));
  return {
    connections: connections.map((connection, i) => ({ ...connection, health: health[i] })),
    connectionTypes: types.map((type) => type.type)
  };
}

const LEAVE_QUESTION = 'This flow has changes that are not deployed. Leave the designer? '
  + 'A draft stays in this browser and is offered when you open the flow again.';
const DRAFT_SAVE_MS = 500;

export function DesignerPage({ flowId, query }) {
  const draftAt = draftKey(flowId, storedIdentity()?.tenant);
  const canvasRef = useRef(null);
  const propertiesRef = useRef(null);
  const modelerRef = useRef(null);
  const clearMarksRef = useRef(() => {});
  const [loadError, setLoadError] = useState(null);
  const [ready, setReady] = useState(false);
  const [lint, setLint] = useState([]);
  const [deploy, setDeploy] = useState({ busy: false, result: null, error: null, general: [] });
  const [deployed, setDeployed] = useState(null);
  const [dirty, setDirty] = useState(false);
  const [showStart, setShowStart] = useState(false);
  const [offeredDraft, setOfferedDraft] = useState(null);

  useEffect(() => {
    let stopLinting = () => {};
    let alive = true;
    (async () => {
      try {
        const [templates, diagram, wiring] = await Promise.all([
          api.get('/api/element-templates'), loadDiagram(flowId, query), loadWiring()
        ]);
        if (!alive) return;
        const modeler = createModeler({ canvas: canvasRef.current, properties: propertiesRef.current, templates, wiring });
        modelerRef.current = modeler;
        const { warnings } = await modeler.importXML(diagram.xml);
        if (!alive) return;
        modeler.get('canvas').zoom('fit-viewport', 'auto');
        stopLinting = startLinting(modeler, templates, wiring, (reports) => setLint(lintRows(reports, (id) => elementName(modeler, id))));
        let pendingSave = null;
        modeler.on('commandStack.changed', () => {
          setDirty(true);
          clearTimeout(pendingSave);
          pendingSave = setTimeout(async () => {
            if (modelerRef.current !== modeler) return;
            const { xml } = await modeler.saveXML({ format: true });
            saveDraft(localStorage, draftAt, { xml });
          }, DRAFT_SAVE_MS);
        });
        setDirty(diagram.isNew);
        setOfferedDraft(draftToOffer(loadDraft(localStorage, draftAt), diagram.xml));
        if (!diagram.isNew) {
          const flows = await api.get('/api/flows');
          if (alive) setDeployed(flows.find((flow) => flow.id === flowId) || null);
        }
        setReady(true);
        if (warnings?.length) console.warn(`The diagram imported with ${warnings.length} warnings`, warnings);
      } catch (error) {
        if (!alive) return;
        if (error instanceof ApiError && error.status === 404 && !query.starter) {
          setLoadError(`There is no flow "${flowId}". Create it from a starter under Flows → New flow.`);
        } else {
          setLoadError(error instanceof ApiError || error?.name === 'UnreachableError'
            ? describeError(error, { action: 'open the flow' })
            : `The diagram could not be opened: ${error.message}. Check that it is a BPMN 2.0 file.`);
        }
      }
    })();
    return () => {
      alive = false;
      stopLinting();
      modelerRef.current?.destroy();
      modelerRef.current = null;
    };
  }, []);

  // Leaving with undeployed changes asks first: the app's links and the back button (the leave guard), closing or
  // reloading the tab (beforeunload).
  useEffect(() => {
    if (!dirty) return undefined;
    const warn = (event) => event.preventDefault();
    addEventListener('beforeunload', warn);
    setLeaveGuard(LEAVE_QUESTION);
    return () => {
      removeEventListener('beforeunload', warn);
      setLeaveGuard(null);
    };
  }, [dirty]);

  const restoreDraft = async () => {
    const draft = offeredDraft;
    setOfferedDraft(null);
    try {
      await modelerRef.current.importXML(draft.xml);
      modelerRef.current.get('canvas').zoom('fit-viewport', 'auto');
      setDirty(true);
    } catch (error) {
      setLoadError(`The draft could not be opened: ${error.message}. It is kept; discard it to stop this offer.`);
    }
  };

  const discardDraft = () => {
    clearDraft(localStorage, draftAt);
    setOfferedDraft(null);
  };

  const deployFlow = async () => {
    const modeler = modelerRef.current;
    clearMarksRef.current();
    clearMarksRef.current = () => {};
    setDeploy({ busy: true, result: null, error: null, general: [] });
    try {
      const { xml } = await modeler.saveXML({ format: true });
      const flow = await api.post('/api/flows', xml, { contentType: 'application/xml' });
      setDeploy({ busy: false, result: flow, error: null, general: [] });
      setDeployed(flow);
      setDirty(false);
      clearDraft(localStorage, draftAt);
      setOfferedDraft(null);
      if (query.starter) history.replaceState(null, '', `#/flows/${encodeURIComponent(flow.id)}/design`);
    } catch (error) {
      const registry = modeler.get('elementRegistry');
      const { onElements, general } = placeDeployProblems(error.problems, (id) => !!registry.get(id));
      clearMarksRef.current = markProblems(modeler, reasonsByElement(onElements));
      setDeploy({ busy: false, result: null, error, general, onElements });
    }
  };

  const download = async () => {
    const { xml } = await modelerRef.current.saveXML({ format: true });
    const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = `${processId(modelerRef.current) || flowId}.bpmn`;
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  };

  const errors = lint.filter((row) => row.category === 'error');
  const currentId = ready ? processId(modelerRef.current) : flowId;

  return (
    <section class="designer">
      <div class="designer-toolbar">
        <div class="designer-title">
          <a href="#/flows" class="muted">Flows</a> /
          <strong> {query.name || deployed?.name || flowId}</strong>
          <span class="muted mono"> {currentId}</span>
          {deployed && <span class="tag">deployed v{deployed.version}</span>}
          {dirty && <span class="tag tag-warning">not deployed</span>}
        </div>
        <div class="actions">
          <span class={`lint-summary ${errors.length ? 'has-errors' : ''}`} data-testid="lint-summary">
            {errors.length ? `${errors.length} problem${errors.length > 1 ? 's' : ''}` : 'No problems'}
          </span>
          <button type="button" onClick={download} disabled={!ready}>Download BPMN</button>
          <button type="button" onClick={() => setShowStart(!showStart)} disabled={!ready || !deployed}
            aria-expanded={showStart} title={deployed ? '' : 'Deploy the flow first'}>
            Start run…
          </button>
          <button type="button" class="primary" onClick={deployFlow} disabled={!ready || deploy.busy}>
            {deploy.busy ? 'Deploying…' : 'Deploy'}
          </button>
        </div>
      </div>
      <ErrorNote error={loadError} />
      {offeredDraft && ready && (
        <div class="note note-warning" role="status" data-testid="draft-offer">
          <p>This browser kept a draft of this flow with changes that were not deployed
            (saved {formatTime(offeredDraft.savedAt)}). Open it to go on where you left off.</p>
          <button type="button" class="primary" onClick={restoreDraft}>Restore draft</button>{' '}
          <button type="button" onClick={discardDraft}>Discard draft</button>
        </div>
      )}
      {deploy.result && (
        <div class="note note-success" role="status" data-testid="deploy-result">
          Deployed {deploy.result.id} as version {deploy.result.version}. <a href={href('/runs', { flow: deploy.result.id })}>See its runs</a>.
        </div>
      )}
      {deploy.error && (
        <div class="note note-error" role="alert" data-testid="deploy-error">
          <p>{deploy.error.code === 'invalid_flow' && deploy.error.problems.length > 0
            ? 'Millflow did not deploy the flow. Fix the problems below (marked on the diagram; click one to select its element), then deploy again.'
            : describeError(deploy.error, { action: 'deploy' })}</p>
          {(deploy.onElements?.length > 0 || deploy.general.length > 0) && (
            <ul class="problem-list">
              {deploy.onElements?.map((problem) => (
                <li key={`${problem.elementId}:${problem.reason}`}>
                  <button type="button" class="link-button" onClick={() => selectElement(modelerRef.current, problem.elementId)}>
                    {elementName(modelerRef.current, problem.elementId) || problem.elementId}
                  </button>: {problem.reason}
                </li>
              ))}
              {deploy.general.map((problem) => <li key={problem.reason}>{problem.elementId ? `${problem.elementId}: ` : ''}{problem.reason}</li>)}
            </ul>
          )}
        </div>
      )}
      {showStart && deployed && (
        <StartRunForm flowId={deployed.id} version={deployed.version} dirty={dirty} parse={parseVariables} />
      )}
      {deployed && <NextRuns flowId={deployed.id} version={deployed.version} />}
      <div class="designer-body">
        <div class="designer-canvas" ref={canvasRef} data-testid="canvas" />
        <aside class="designer-properties" ref={propertiesRef} aria-label="Properties" />
      </div>
      <details class="lint-panel" open={errors.length > 0}>
        <summary>Problems ({lint.length})</summary>
        {lint.length === 0 ? <p class="muted">Camunda 8 linting finds nothing to fix.</p> : (
          <ul class="problem-list" data-testid="lint-list">
            {lint.map((row) => (
              <li key={`${row.id}:${row.message}`} class={`lint-${row.category}`}>
                <button type="button" class="link-button"
                  onClick={() => modelerRef.current.get('linting').showError(row.report)}>{row.name}</button>: {row.message}
              </li>
            ))}
          </ul>
        )}
      </details>
    </section>
  );
}
