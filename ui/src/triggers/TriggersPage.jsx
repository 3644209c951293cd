export function TriggersPage() {
  return <section><h1>TriggersPage</h1><p>Coming soon.</p></section>;
}
