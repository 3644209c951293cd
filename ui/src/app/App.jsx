import { useEffect, useRef, useState } from 'preact/hooks';
import { lazy, Suspense } from 'preact/compat';
import { pageTitle, parseHash, navigate } from './routes.js';
import { onUnauthorized } from '../api/client.js';
import { mayLeave, undoDirection } from './leaveGuard.js';
import { forgetToken, storedIdentity, storedToken } from '../auth/token.js';
import { SignInPage } from '../auth/SignInPage.jsx';
import { FlowsPage } from '../flows/FlowsPage.jsx';
import { NewFlowPage } from '../flows/NewFlowPage.jsx';
import { RunsPage } from '../runs/RunsPage.jsx';
import { ConnectionsPage } from '../connections/ConnectionsPage.jsx';
import { ConnectPage } from '../connections/ConnectPage.jsx';
import { ConnectionPage } from '../connections/ConnectionPage.jsx';
import { TriggersPage } from '../triggers/TriggersPage.jsx';
import { NewTriggerPage } from '../triggers/NewTriggerPage.jsx';
import { TriggerPage } from '../triggers/TriggerPage.jsx';
import { SubscriptionsPage } from '../subscriptions/SubscriptionsPage.jsx';

// The modeler and the diagram viewer are large: each loads only with the page that needs it.
const DesignerPage = lazy(() => import('../designer/DesignerPage.jsx').then((m) => m.DesignerPage));
const RunPage = lazy(() => import('../runs/RunPage.jsx').then((m) => m.RunPage));

const NAV = [
  ['#/flows', 'Flows', ['flows', 'newFlow', 'designer']],
  ['#/runs', 'Runs', ['runs', 'run']],
  ['#/connections', 'Connections', ['connections', 'newConnection', 'reconnect', 'connection']],
  ['#/triggers', 'Triggers & schedules', ['triggers', 'newTrigger', 'trigger']],
  ['#/subscriptions', 'Event subscriptions', ['subscriptions']]
];

function useRoute() {
  const [route, setRoute] = useState(() => parseHash(location.hash));
  // The entry shown, with its place in the history (stamped on each entry), so a declined navigation can be undone.
  const shown = useRef(null);
  if (shown.current === null) shown.current = { hash: location.hash, index: stampedIndex() ?? stampIndex(0) };
  useEffect(() => {
    // A page may ask before it is left (the designer with undeployed changes): a "no" takes the user back to it.
    const update = () => {
      const next = parseHash(location.hash);
      const arrived = stampedIndex();
      if (!mayLeave(parseHash(shown.current.hash).path, next.path, (question) => confirm(question))) {
        if (undoDirection(arrived, shown.current.index) === 'back') history.back();
        else history.forward();
        return;
      }
      shown.current = { hash: location.hash, index: arrived ?? stampIndex(shown.current.index + 1) };
      setRoute(next);
    };
    addEventListener('hashchange', update);
    return () => removeEventListener('hashchange', update);
  }, []);
  return route;
}

function stampedIndex() {
  const index = history.state?.mfIndex;
  return typeof index === 'number' ? index : null;
}

function stampIndex(index) {
  history.replaceState({ ...(history.state || {}), mfIndex: index }, '');
  return index;
}

export function App() {
  const route = useRoute();
  const [token, setToken] = useState(storedToken());
  const [signOutReason, setSignOutReason] = useState(null);

  useEffect(() => {
    document.title = token ? pageTitle(route) : pageTitle({ name: 'signin', params: {} });
  }, [route, token]);

  useEffect(() => {
    onUnauthorized(() => {
      forgetToken();
      setToken(null);
      setSignOutReason('Your API token was not accepted any more. Sign in again with a valid token.');
    });
  }, []);

  if (!token) {
    return (
      <SignInPage
        reason={signOutReason}
        onSignedIn={(value) => {
          setSignOutReason(null);
          setToken(value);
          if (route.name === 'signin') navigate('/flows');
        }}
      />
    );
  }

  const signOut = () => {
    forgetToken();
    setToken(null);
    setSignOutReason(null);
  };

  return (
    <div class="shell">
      <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
        Skip to content
      </a>
      <nav class="topnav" aria-label="Main">
        <a class="brand" href="#/flows">Millflow</a>
        {NAV.map(([link, label, names]) => (
          <a href={link} class={names.includes(route.name) ? 'active' : ''} aria-current={names.includes(route.name) ? 'page' : undefined}>
            {label}
          </a>
        ))}
        <span class="spacer" />
        <Identity />
        <button type="button" class="link-button" onClick={signOut}>Sign out</button>
      </nav>
      <main id="main" tabIndex={-1} class={route.name === 'designer' ? 'main-wide' : ''}>
        <Suspense fallback={<p class="loading">Loading…</p>}>
          <Page route={route} />
        </Suspense>
      </main>
    </div>
  );
}

function Page({ route }) {
  const { params, query } = route;
  switch (route.name) {
    case 'flows':
    case 'signin':
      return <FlowsPage />;
    case 'newFlow':
      return <NewFlowPage />;
    case 'designer':
      return <DesignerPage key={`${params.flowId}:${query.starter || ''}`} flowId={params.flowId} query={query} />;
    case 'runs':
      return <RunsPage query={query} />;
    case 'run':
      return <RunPage key={params.runId} runId={params.runId} />;
    case 'connections':
      return <ConnectionsPage />;
    case 'newConnection':
      return <ConnectPage />;
    case 'reconnect':
      return <ConnectPage key={params.name} existingName={params.name} />;
    case 'connection':
      return <ConnectionPage key={params.name} name={params.name} />;
    case 'triggers':
      return <TriggersPage />;
    case 'newTrigger':
      return <NewTriggerPage />;
    case 'trigger':
      return <TriggerPage key={params.triggerId} triggerId={params.triggerId} />;
    case 'subscriptions':
      return <SubscriptionsPage />;
    default:
      return (
        <section>
          <h1>Page not found</h1>
          <p>Nothing lives at {route.path}. Go to the <a href="#/flows">flows</a>.</p>
        </section>
      );
  }
}

function Identity() {
  const me = storedIdentity();
  if (!me?.role) return null;
  return <span class="identity" title={`tenant ${me.tenant}`}>{me.token || 'token'} · {me.role}</span>;
}
