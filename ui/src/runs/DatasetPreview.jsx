import { useState } from 'preact/hooks';
import { api, downloadByLink } from '../api/client.js';
import { ErrorNote } from '../ui/components.jsx';
import { formatCount } from '../ui/format.js';
import { cellText, columnsOf, datasetPath } from './datasets.js';

/** The datasets one step attempt read and wrote: each previewed (first 100 records, as a table or JSON) and downloadable. */
export function AttemptDatasets({ runId, datasets }) {
  if (!datasets?.length) return null;
  return (
    <div class="attempt-datasets" data-testid="attempt-datasets">
      <small>Datasets</small>
      <ul class="dataset-list">
        {datasets.map((dataset) => <DatasetItem runId={runId} dataset={dataset} key={`${dataset.role}:${dataset.dataset}`} />)}
      </ul>
    </div>
  );
}

function DatasetItem({ runId, dataset }) {
  const [preview, setPreview] = useState({ open: false, loading: false, data: null, error: null });
  const [view, setView] = useState('table');
  const [download, setDownload] = useState({ busy: null, error: null });
  const label = `${dataset.role === 'read' ? 'Read' : 'Wrote'} ${dataset.entity || 'dataset'}`;

  const toggle = async () => {
    if (preview.open) return setPreview({ ...preview, open: false });
    if (preview.data) return setPreview({ ...preview, open: true });
    setPreview({ open: true, loading: true, data: null, error: null });
    try {
      setPreview({ open: true, loading: false, data: await api.get(datasetPath(runId, dataset.dataset)), error: null });
    } catch (error) {
      setPreview({ open: true, loading: false, data: null, error });
    }
  };

  const save = async (format) => {
    setDownload({ busy: format, error: null });
    try {
      await downloadByLink(datasetPath(runId, dataset.dataset, { download: true, format }));
      setDownload({ busy: null, error: null });
    } catch (error) {
      setDownload({ busy: null, error });
    }
  };

  return (
    <li data-dataset={dataset.dataset} data-role={dataset.role}>
      <span>{label}</span>{' '}
      {dataset.available ? (
        <>
          <span class="muted">{formatCount(dataset.records)} records</span>{' '}
          <button type="button" class="link-button" onClick={toggle} aria-expanded={preview.open}>
            {preview.open ? 'Hide records' : 'Preview records'}
          </button>{' · '}
          <button type="button" class="link-button" onClick={() => save('jsonl')} disabled={!!download.busy}>
            {download.busy === 'jsonl' ? 'Downloading…' : 'Download JSON lines'}
          </button>{' · '}
          <button type="button" class="link-button" onClick={() => save('csv')} disabled={!!download.busy}>
            {download.busy === 'csv' ? 'Downloading…' : 'Download CSV'}
          </button>
        </>
      ) : (
        <span class="muted">no longer kept: deleted after the dataset retention period (the ledger keeps its counts)</span>
      )}
      <ErrorNote error={download.error} action="download the dataset" />
      {preview.open && (
        <div class="dataset-preview" data-testid="dataset-preview">
          <ErrorNote error={preview.error} action="load the records" />
          {preview.loading && <p class="loading">Loading records…</p>}
          {preview.data && (
            <>
              <p class="muted">
                First {formatCount(preview.data.shown)} of {formatCount(preview.data.records)} records.{' '}
                <span role="group" aria-label="Show records as">
                  <button type="button" class="link-button" aria-pressed={view === 'table'} onClick={() => setView('table')}>Table</button>{' / '}
                  <button type="button" class="link-button" aria-pressed={view === 'json'} onClick={() => setView('json')}>JSON</button>
                </span>
              </p>
              {view === 'table' ? <RecordsTable items={preview.data.items} /> : (
                <pre data-testid="dataset-json">{JSON.stringify(preview.data.items, null, 2)}</pre>
              )}
            </>
          )}
        </div>
      )}
    </li>
  );
}

function RecordsTable({ items }) {
  const columns = columnsOf(items);
  return (
    <div class="table-scroll">
      <table class="table records-table" data-testid="dataset-table">
        <thead><tr><th>#</th>{columns.map((column) => <th key={column}>{column}</th>)}</tr></thead>
        <tbody>
          {items.map((item, i) => (
            <tr key={i}><td class="muted">{i + 1}</td>{columns.map((column) => <td key={column}>{cellText(item?.[column])}</td>)}</tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
