import { useState } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import { api, fetchBpmnVersion } from '../api/client.js';
import { ErrorNote, Note, useLoad } from '../ui/components.jsx';
import { formatTime } from '../ui/format.js';
import { changesOnly, diffCounts, lineDiff } from './versionDiff.js';

// the diagram comparison brings the diagram viewer and the model differ: loaded when a comparison is shown
const DiagramDiff = lazy(() => import('./DiagramDiff.jsx').then((m) => m.DiagramDiff));

/** Every version of a flow, newest first: download one, compare two (diagrams and XML lines), restore an old one. */
export function VersionHistory({ flowId, onRestored }) {
  const versions = useLoad(() => api.get(`/api/flows/${encodeURIComponent(flowId)}/versions`), [flowId]);
  const [error, setError] = useState(null);
  const [restored, setRestored] = useState(null);
  const download = async (version) => {
    try {
      const xml = await fetchBpmnVersion(flowId, version);
      const url = URL.createObjectURL(new Blob([xml], { type: 'application/xml' }));
      const link = Object.assign(document.createElement('a'), { href: url, download: `${flowId}-v${version}.bpmn` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
    } catch (failure) {
      setError(failure);
    }
  };
  // An old version comes back as a new one: history is never rewritten, and running runs keep their version.
  const restore = async (version) => {
    if (!confirm(`Deploy v${version} of ${flowId} again, as a new version? Runs from now on use it.`)) return;
    setError(null);
    try {
      const xml = await fetchBpmnVersion(flowId, version);
      const deployed = await api.post('/api/flows', xml, { contentType: 'application/xml' });
      setRestored({ from: version, to: deployed.version });
      await versions.reload();
      onRestored?.();
    } catch (failure) {
      setError(failure);
    }
  };
  if (versions.error) return <ErrorNote error={versions.error} action="load the versions" />;
  if (!versions.data) return <p class="loading">Loading versions…</p>;
  const latest = versions.data[0]?.version;
  return (
    <div data-testid="versions">
      <ErrorNote error={error} action="download or restore the version" />
      {restored && <Note kind="success">v{restored.from} is deployed again as v{restored.to}.</Note>}
      <table class="table">
        <thead><tr><th>Version</th><th>Name</th><th>Origin</th><th>Deployed</th><th><span class="sr-only">Actions</span></th></tr></thead>
        <tbody>
          {versions.data.map((version) => (
            <tr key={version.version} data-version={version.version}>
              <td>v{version.version}</td>
              <td>{version.name}</td>
              <td>{version.origin}</td>
              <td>{formatTime(version.deployedAt)}</td>
              <td class="row-actions">
                <button type="button" onClick={() => download(version.version)}>Download BPMN</button>
                {version.version !== latest && (
                  <button type="button" onClick={() => restore(version.version)}>Restore v{version.version}</button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {versions.data.length > 1 && <CompareVersions flowId={flowId} versions={versions.data.map((v) => v.version)} />}
    </div>
  );
}

function CompareVersions({ flowId, versions }) {
  const [from, setFrom] = useState(versions[1]);
  const [to, setTo] = useState(versions[0]);
  const [diff, setDiff] = useState(null);
  const [error, setError] = useState(null);
  const compare = async () => {
    setError(null);
    try {
      const [before, after] = await Promise.all([fetchBpmnVersion(flowId, from), fetchBpmnVersion(flowId, to)]);
      const lines = lineDiff(before, after);
      setDiff({ from, to, before, after, counts: diffCounts(lines), shown: changesOnly(lines) });
    } catch (failure) {
      setError(failure);
    }
  };
  const picker = (id, label, value, set) => (
    <>
      <label for={id}>{label}</label>
      <select id={id} value={value} onChange={(event) => set(Number(event.currentTarget.value))}>
        {versions.map((version) => <option value={version} key={version}>v{version}</option>)}
      </select>
    </>
  );
  return (
    <div class="compare-versions">
      <div class="actions">
        {picker(`compare-from-${flowId}`, 'Compare', from, setFrom)}
        {picker(`compare-to-${flowId}`, 'with', to, setTo)}
        <button type="button" onClick={compare}>Show changes</button>
      </div>
      <ErrorNote error={error} action="compare the versions" />
      {diff && (
        <div data-testid="version-diff">
          <h3>Diagram</h3>
          <Suspense fallback={<p class="loading">Loading the diagrams…</p>}>
            <DiagramDiff before={diff.before} after={diff.after} from={diff.from} to={diff.to} />
          </Suspense>
          <h3>XML</h3>
          <p>v{diff.from} → v{diff.to}: {diff.counts.added} lines added, {diff.counts.removed} removed.</p>
          {diff.counts.added + diff.counts.removed > 0 && (
            <pre class="diff" tabIndex={0} aria-label={`Changes from v${diff.from} to v${diff.to}`}>
              {diff.shown.map((line, i) => line.kind === 'skipped'
                ? <div class="diff-skipped" key={i}>… {line.count} unchanged lines</div>
                : <div class={`diff-${line.kind}`} key={i}>{SIGNS[line.kind]} {line.text}</div>)}
            </pre>
          )}
        </div>
      )}
    </div>
  );
}

const SIGNS = { same: ' ', added: '+', removed: '-' };
