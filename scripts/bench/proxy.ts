import http from 'node:http';
import type { AddressInfo } from 'node:net';

// A small round-robin HTTP proxy on loopback, standing in for a load balancer in front of N app
// servers. Each request goes to the next backend; a backend that refuses the connection (it is
// down or restarting) is skipped for a second and the request goes to the next one. Bodies are
// buffered, so a refused request can be sent again (nothing reached the backend). A request cut
// off by a backend that dies mid-way answers 502, as a load balancer would.
//
// The client's address is kept: the upstream connection is opened from the client's own
// loopback address (127.0.0.0/8 is all local on Linux), so the app's per-address limits see
// each client as itself without trusting a forwarded header.

export interface Proxy {
  url: string;
  /** Requests answered 502 because their backend failed mid-way. */
  failed(): number;
  close(): Promise<void>;
}

const skipForMs = 1000;

export async function startProxy(backends: string[]): Promise<Proxy> {
  const down = new Map<string, number>();
  const agents = new Map(backends.map((b) => [b, new http.Agent({ keepAlive: true, maxSockets: 64 })]));
  let next = 0;
  let failed = 0;

  const pick = (tried: Set<string>): string | undefined => {
    for (let i = 0; i < backends.length; i++) {
      const b = backends[(next + i) % backends.length]!;
      if (tried.has(b) || (down.get(b) ?? 0) > Date.now()) continue;
      next = (next + i + 1) % backends.length;
      return b;
    }
    return backends.find((b) => !tried.has(b));
  };

  const forward = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer, tried: Set<string>) => {
    const backend = pick(tried);
    if (!backend) {
      res.writeHead(503, { 'content-type': 'text/plain' }).end('no backend is up');
      return;
    }
    tried.add(backend);
    const target = new URL(req.url ?? '/', backend);
    const upstream = http.request(target, {
      method: req.method,
      headers: { ...req.headers, 'content-length': String(body.length) },
      agent: agents.get(backend),
      localAddress: req.socket.remoteAddress?.replace(/^::ffff:/, ''),
    });
    upstream.on('response', (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
      answer.on('error', () => res.destroy());
    });
    upstream.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ECONNREFUSED') {
        down.set(backend, Date.now() + skipForMs);
        forward(req, res, body, tried);
        return;
      }
      failed += 1;
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' }).end('backend failed');
      else res.destroy();
    });
    upstream.end(body);
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => forward(req, res, Buffer.concat(chunks), new Set()));
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    failed: () => failed,
    async close() {
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
      for (const a of agents.values()) a.destroy();
    },
  };
}
