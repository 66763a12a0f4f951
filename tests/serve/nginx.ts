/**
 * Production as tested: the repo's nginx configuration (deploy/nginx.conf around deploy/zjcn.conf,
 * deploy/snippets/) under real nginx, for the browser tests and the serving benchmark. Each instance
 * gets its own prefix folder (config copies, pid, logs, temp files), its own loopback ports and a
 * self-signed certificate; `nginx -t` runs first, and the instance is stopped by its pid.
 *
 * Substituted, and nothing else: the build folder (`root`), the name and ports it answers
 * (`server_name`, `listen`), the certificate, and where the main config keeps its pid, logs and user.
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { X509Certificate, createHash } from 'node:crypto';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const DEPLOY = resolve(import.meta.dirname, '../../deploy');
const INSTALL_HINT = 'apt-get install nginx libnginx-mod-http-brotli-static';

/** nginx's path, or why the serving tests cannot run here (one line, with how to fix it). */
export function findNginx(): { path: string } | { missing: string } {
  // NGINX_PATH names the binary to use (or, naming none, says to run without nginx).
  if (process.env.NGINX_PATH) return existsSync(process.env.NGINX_PATH) ? { path: process.env.NGINX_PATH } : { missing: `NGINX_PATH=${process.env.NGINX_PATH} is not a file` };
  for (const path of ['/usr/sbin/nginx', '/usr/local/sbin/nginx', '/usr/bin/nginx']) if (existsSync(path)) return { path };
  const which = spawnSync('sh', ['-c', 'command -v nginx'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return { path: which.stdout.trim() };
  return { missing: `nginx is not installed (${INSTALL_HINT}, or NGINX_PATH=…)` };
}

export interface TestCertificate {
  cert: string;
  key: string;
  /** base64 SHA-256 of the public key: Chromium's --ignore-certificate-errors-spki-list trusts it */
  spki: string;
}

/** The certificate the browser run made (tests/browser/global-setup.ts), for a test's own nginx. */
export function runCertificate(): TestCertificate {
  const cert = process.env.ZJCN_TEST_CERT;
  const key = process.env.ZJCN_TEST_KEY;
  if (!cert || !key) throw new Error('no test certificate: the browser run makes one when nginx is installed');
  return { cert, key, spki: spkiOf(cert) };
}

/** A certificate's public-key hash, as Chromium's --ignore-certificate-errors-spki-list takes it. */
function spkiOf(certFile: string): string {
  const der = new X509Certificate(readFileSync(certFile)).publicKey.export({ type: 'spki', format: 'der' });
  return createHash('sha256').update(der).digest('base64');
}

/** A self-signed certificate for localhost and 127.0.0.1, made by openssl now (valid two days). */
export function makeCertificate(dir: string): TestCertificate {
  const cert = join(dir, 'cert.pem');
  const key = join(dir, 'key.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2', '-subj', '/CN=localhost', '-addext', 'subjectAltName=DNS:localhost,IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  return { cert, key, spki: spkiOf(cert) };
}

async function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolvePort(port));
    });
  });
}

/** Whether something on 127.0.0.1 accepts a connection on `port`. */
function accepts(port: number): Promise<boolean> {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
  });
}

export interface RunningNginx {
  /** https://127.0.0.1:<port>, HTTP/2 */
  url: string;
  /** http://127.0.0.1:<port>: the plain-HTTP server, which only redirects */
  httpUrl: string;
  prefix: string;
  stop(): Promise<void>;
}

/** The site file as the test runs it: the operator's settings replaced, every other line as in the repo. */
export function siteForTest(site: string, o: { root: string; httpsPort: number; httpPort: number; cert: TestCertificate }): string {
  const swap = (text: string, pattern: RegExp, value: string) => {
    if (!pattern.test(text)) throw new Error(`deploy/zjcn.conf: no line matches ${pattern}: the test harness (tests/serve/nginx.ts) must follow the file`);
    return text.replace(pattern, value);
  };
  let out = site;
  out = swap(out, /^(\s*)root [^;]+;/m, `$1root ${o.root};`);
  out = out.replace(/^(\s*)server_name [^;]+;/gm, '$1server_name localhost;');
  out = swap(out, /^(\s*)listen 443 ssl http2;/m, `$1listen 127.0.0.1:${o.httpsPort} ssl http2;`);
  out = swap(out, /^(\s*)listen 80;/m, `$1listen 127.0.0.1:${o.httpPort};`);
  out = out.replace(/^\s*listen \[::\]:\d+[^;]*;\n/gm, '');
  out = swap(out, /^(\s*)ssl_certificate [^;]+;/m, `$1ssl_certificate ${o.cert.cert};`);
  out = swap(out, /^(\s*)ssl_certificate_key [^;]+;/m, `$1ssl_certificate_key ${o.cert.key};`);
  return out;
}

/** The main config as the test runs it: pid, logs and user inside the prefix (nginx runs as whoever runs the tests). */
export function mainForTest(main: string, prefix: string): string {
  const isRoot = process.getuid?.() === 0;
  return main
    .replace(/^pid [^;]+;/m, `pid ${join(prefix, 'nginx.pid')};`)
    .replace(/^error_log [^;]+;/m, `error_log ${join(prefix, 'error.log')};`)
    .replace(/^(\s*)access_log [^;]+;/m, `$1access_log ${join(prefix, 'access.log')};`)
    .replace(/^user [^;]+;/m, isRoot ? 'user root;' : '')
    .replace(/^(\s*)include \/etc\/nginx\/mime\.types;/m, `$1include /etc/nginx/mime.types;\n$1client_body_temp_path ${join(prefix, 'tmp-body')};\n$1proxy_temp_path ${join(prefix, 'tmp-proxy')};\n$1fastcgi_temp_path ${join(prefix, 'tmp-fastcgi')};\n$1uwsgi_temp_path ${join(prefix, 'tmp-uwsgi')};\n$1scgi_temp_path ${join(prefix, 'tmp-scgi')};`);
}

/**
 * Starts nginx serving `root` with the repo's configuration. Throws with nginx's own words when
 * `nginx -t` refuses the configuration.
 */
export async function startNginx(root: string, cert: TestCertificate, nginxPath = (findNginx() as { path: string }).path): Promise<RunningNginx> {
  const prefix = mkdtempSync(join(tmpdir(), 'zjcn-nginx-'));
  const [httpsPort, httpPort] = [await freePort(), await freePort()];
  // Debian's modules-enabled/*.conf load `modules/…` relative to the prefix: the prefix points there too.
  const modules = ['/usr/share/nginx/modules', '/usr/lib/nginx/modules'].find((m) => existsSync(m));
  if (modules) symlinkSync(modules, join(prefix, 'modules'));
  mkdirSync(join(prefix, 'snippets'));
  cpSync(join(DEPLOY, 'snippets'), join(prefix, 'snippets'), { recursive: true });
  writeFileSync(join(prefix, 'zjcn.conf'), siteForTest(readFileSync(join(DEPLOY, 'zjcn.conf'), 'utf8'), { root: resolve(root), httpsPort, httpPort, cert }));
  const conf = join(prefix, 'nginx.conf');
  writeFileSync(conf, mainForTest(readFileSync(join(DEPLOY, 'nginx.conf'), 'utf8'), prefix));
  const args = ['-c', conf, '-p', `${prefix}/`, '-e', join(prefix, 'error.log')];
  const check = spawnSync(nginxPath, ['-t', ...args], { encoding: 'utf8' });
  if (check.status !== 0) {
    rmSync(prefix, { recursive: true, force: true });
    throw new Error(`nginx -t refused deploy/ (${INSTALL_HINT} if a module is missing):\n${check.stderr.trim()}`);
  }
  const child = spawn(nginxPath, [...args, '-g', 'daemon off;'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  const kill = () => child.exitCode === null && child.kill('SIGTERM');
  process.once('exit', kill);
  const url = `https://127.0.0.1:${httpsPort}`;
  // Ready when its port takes a connection (a probe that bound the port itself could race nginx for it).
  for (let i = 0; ; i++) {
    if (child.exitCode !== null) throw new Error(`nginx stopped at start: ${stderr || readFileSync(join(prefix, 'error.log'), 'utf8')}`);
    if (await accepts(httpsPort)) break;
    if (i > 200) throw new Error('nginx did not open its port in 20 s');
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url,
    httpUrl: `http://127.0.0.1:${httpPort}`,
    prefix,
    async stop() {
      if (!existsSync(prefix)) return;
      const pidFile = join(prefix, 'nginx.pid');
      const pid = existsSync(pidFile) ? Number(readFileSync(pidFile, 'utf8').trim()) : 0;
      if (pid) process.kill(pid, 'SIGTERM');
      else kill();
      await exited;
      process.removeListener('exit', kill);
      rmSync(prefix, { recursive: true, force: true });
    },
  };
}
