// Starts the packaged engine (java -jar quarkus-run.jar) on a free port with a fresh data directory and a first admin
// token, and stops it at the end. MILLFLOW_E2E_URL + MILLFLOW_E2E_TOKEN reuse a running engine instead.
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const UI_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const JAR = resolve(UI_DIR, '../engine/target/quarkus-app/quarkus-run.jar');
const START_TIMEOUT_MS = 180_000;

export async function startEngine() {
  if (process.env.MILLFLOW_E2E_URL) {
    return { baseUrl: process.env.MILLFLOW_E2E_URL, token: process.env.MILLFLOW_E2E_TOKEN, stop: async () => {} };
  }
  if (!existsSync(JAR)) {
    throw new Error(`${JAR} is missing: package the engine first (./mvnw -DskipTests install, or ./millflow run once)`);
  }
  const port = await freePort();
  const token = `mf_e2e_${randomBytes(16).toString('hex')}`;
  const work = mkdtempSync(join(tmpdir(), 'millflow-e2e-'));
  const java = findJava();
  const outDir = resolve(UI_DIR, 'target');
  mkdirSync(outDir, { recursive: true });
  const logPath = join(outDir, 'e2e-engine.log');
  const log = createWriteStream(logPath);
  const child = spawn(java, [
    '--add-opens=java.base/java.nio=ALL-UNNAMED', '-Xmx768m',
    `-Dmillflow.data-dir=${join(work, 'data')}`, `-Dquarkus.http.port=${port}`, '-Dquarkus.http.host=127.0.0.1',
    // The scenarios connect to the sandboxes on this machine as a user would, by URL: loopback is allowed for them
    // as docs/configuration.md says (the runtime's own ports stay refused).
    '-Dmillflow.outbound.allow-hosts=127.0.0.1',
    '-jar', JAR
  ], { env: { ...process.env, MILLFLOW_SECURITY_ADMIN_TOKEN: token }, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.pipe(log);
  child.stderr.pipe(log);
  // never leave the engine behind, whatever ends the test process
  const killOnExit = () => { if (child.exitCode === null) child.kill('SIGKILL'); };
  process.once('exit', killOnExit);
  for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => { killOnExit(); process.exit(130); });
  const baseUrl = `http://127.0.0.1:${port}`;
  await waitUntilReady(child, baseUrl, token, logPath);
  return {
    baseUrl,
    token,
    logPath,
    stop: () => new Promise((done) => {
      if (child.exitCode !== null) return done();
      const force = setTimeout(() => child.kill('SIGKILL'), 30_000);
      child.once('exit', () => { clearTimeout(force); done(); });
      child.kill('SIGTERM');
    })
  };
}

/** A java of version 21 or newer: JAVA_HOME's, else one under /usr/lib/jvm (as ./millflow picks it), else PATH's. */
function findJava() {
  const homes = [process.env.JAVA_HOME, ...listDir('/usr/lib/jvm').map((name) => join('/usr/lib/jvm', name))].filter(Boolean);
  for (const home of homes) {
    const java = join(home, 'bin', 'java');
    if (existsSync(java) && javaVersion(java) >= 21) return java;
  }
  return 'java';
}

function javaVersion(java) {
  const result = spawnSync(java, ['-XshowSettings:properties', '-version'], { encoding: 'utf8' });
  const match = /java\.specification\.version = (\d+)/.exec(`${result.stderr}${result.stdout}`);
  return match ? Number(match[1]) : 0;
}

function listDir(path) {
  try {
    return readdirSync(path).sort().reverse();
  } catch {
    return [];
  }
}

async function waitUntilReady(child, baseUrl, token, logPath) {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) {
      await new Promise((done) => setTimeout(done, 200)); // let the log stream take the last output
      const tail = readFileSync(logPath, 'utf8').split('\n').slice(-15).join('\n');
      throw new Error(`The engine exited with ${child.exitCode} (it needs a JDK 21+: set JAVA_HOME). ${logPath} ends:\n${tail}`);
    }
    try {
      const response = await fetch(`${baseUrl}/api/flows`, { headers: { Authorization: `Bearer ${token}` } });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((done) => setTimeout(done, 500));
  }
  child.kill('SIGKILL');
  throw new Error(`The engine did not answer within ${START_TIMEOUT_MS / 1000} s; see ${logPath}`);
}

function freePort() {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => done(port));
    });
  });
}

/** Calls the engine's API directly (test set-up and checks), with the admin token. */
export function apiClient(baseUrl, token) {
  return async function call(method, path, body, headers = {}) {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        Authorization: `Bearer ${token}`,
        ...(body !== undefined ? { 'Content-Type': typeof body === 'string' ? 'application/xml' : 'application/json' } : {}),
        ...headers
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body)
    });
    const text = await response.text();
    let json = null;
    try { json = text ? JSON.parse(text) : null; } catch { json = text; }
    if (!response.ok) throw new Error(`${method} ${path} answered ${response.status}: ${text}`);
    return json;
  };
}
