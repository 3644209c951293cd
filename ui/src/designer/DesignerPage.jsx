export function DesignerPage() {
  return <section><h1>DesignerPage</h1><p>Coming soon.</p></section>;
}
