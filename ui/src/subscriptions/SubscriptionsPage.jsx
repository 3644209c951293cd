export function SubscriptionsPage() {
  return <section><h1>SubscriptionsPage</h1><p>Coming soon.</p></section>;
}
