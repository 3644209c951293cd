export function RunsPage() {
  return <section><h1>RunsPage</h1><p>Coming soon.</p></section>;
}
