// A line diff of two BPMN documents (a flow's versions), for the version comparison. The longest common subsequence
// of lines; documents of a few thousand lines stay well within what a browser does at once.

const MAX_CELLS = 25_000_000;

/**
 * The lines of `before` and `after` as `[{kind: 'same'|'removed'|'added', text}]`, in document order; lines are
 * compared without their leading and trailing blanks (indentation changes are not changes).
 */
export function lineDiff(before, after) {
  const a = lines(before);
  const b = lines(after);
  if (a.length * b.length > MAX_CELLS) {
    return [...a.map((text) => ({ kind: 'removed', text })), ...b.map((text) => ({ kind: 'added', text }))];
  }
  const lengths = commonLengths(a, b);
  const out = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      out.push({ kind: 'same', text: a[i] });
      i++;
      j++;
    } else if (lengths[i + 1][j] >= lengths[i][j + 1]) {
      out.push({ kind: 'removed', text: a[i++] });
    } else {
      out.push({ kind: 'added', text: b[j++] });
    }
  }
  while (i < a.length) out.push({ kind: 'removed', text: a[i++] });
  while (j < b.length) out.push({ kind: 'added', text: b[j++] });
  return out;
}

/** The changed lines with `context` unchanged lines around each, runs of hidden lines as `{kind: 'skipped', count}`. */
export function changesOnly(diff, context = 2) {
  const keep = diff.map((line) => line.kind !== 'same');
  const shown = diff.map((_, index) => {
    for (let k = Math.max(0, index - context); k <= Math.min(diff.length - 1, index + context); k++) {
      if (keep[k]) return true;
    }
    return false;
  });
  const out = [];
  let skipped = 0;
  diff.forEach((line, index) => {
    if (shown[index]) {
      if (skipped) out.push({ kind: 'skipped', count: skipped });
      skipped = 0;
      out.push(line);
    } else {
      skipped++;
    }
  });
  if (skipped) out.push({ kind: 'skipped', count: skipped });
  return out;
}

/** How many lines were added and removed. */
export function diffCounts(diff) {
  return {
    added: diff.filter((line) => line.kind === 'added').length,
    removed: diff.filter((line) => line.kind === 'removed').length
  };
}

function lines(text) {
  return (text || '').split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/** lengths[i][j]: the longest common subsequence of a[i..] and b[j..]. */
function commonLengths(a, b) {
  const lengths = Array.from({ length: a.length + 1 }, () => new Uint32Array(b.length + 1));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i][j] = a[i] === b[j] ? lengths[i + 1][j + 1] + 1 : Math.max(lengths[i + 1][j], lengths[i][j + 1]);
    }
  }
  return lengths;
}
