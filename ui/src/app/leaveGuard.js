// Asks before the app's own navigation (links, the back and forward buttons: every hash change) leaves a page that
// would lose something, such as the designer with undeployed changes. Closing the tab is the page's beforeunload.

let question = null;

/** Sets the question to ask before leaving the current page (null: leave freely). */
export function setLeaveGuard(text) {
  question = text || null;
}

export function leaveGuard() {
  return question;
}

/**
 * Whether a hash change from one path to another may go ahead: yes without a guard or within the same path
 * (a query change), else what the user answers to the question.
 */
export function mayLeave(fromPath, toPath, ask, text = question) {
  if (!text || fromPath === toPath) return true;
  return ask(text);
}

/**
 * How to undo a hash change the user decided against, from the history index stamped on the entry it arrived at (null:
 * a new entry, pushed by a link) and the index of the page shown: back from a new or a later entry, forward from an
 * earlier one (the back button).
 */
export function undoDirection(arrivedIndex, shownIndex) {
  return arrivedIndex !== null && arrivedIndex !== undefined && arrivedIndex < shownIndex ? 'forward' : 'back';
}
