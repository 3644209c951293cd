/** The ledger of one path as table rows: each count with its label, in the order the balance adds them up. */
export function ledgerRows(path) {
  return [
    ['Read', path.read],
    ['Mapped', path.mapped],
    ['Inserted', path.inserted],
    ['Updated', path.updated],
    ['Unchanged', path.unchanged],
    ['Older than stored', path.skippedOlder],
    ['Rejected', path.rejected],
    ['Duplicates collapsed', path.collapsed],
    ['Kept out by a filter', path.filtered ?? 0],
  ];
}

/** Source fields the published shape does not have, most frequent first, as [field, "in n records"]. */
export function newFields(newFieldsSeen) {
  return Object.entries(newFieldsSeen || {})
    .sort(([, a], [, b]) => b - a)
    .map(([field, count]) => [field, `in ${count} record${count === 1 ? '' : 's'}`]);
}

/** The fields filled in fewer than all records, emptiest first, as [field, "filled of total"]. */
export function unfilledFields(fillRates) {
  return Object.entries(fillRates || {})
    .filter(([, fill]) => fill.total > 0 && fill.filled < fill.total)
    .sort(([, a], [, b]) => a.rate - b.rate)
    .map(([field, fill]) => [field, `${fill.filled} of ${fill.total}`]);
}

/** How the path stands: balanced, or the gap and where it arose. */
export function balanceText(path) {
  if (!path.checked) return 'not checked: the last step does not report what it wrote';
  if (path.balanced) return 'balanced';
  return `${path.gap} records missing${path.gapAt ? `: ${path.gapAt}` : ''}`;
}
