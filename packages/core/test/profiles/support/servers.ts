// Real servers for network diagnoses: an HTTPS reverse proxy with a private certificate in
// front of the emulator, a port where nothing listens, a server that never answers.
import { request as httpRequest } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { TestCertificates } from './certificates';

export interface Running {
  url: string;
  close(): Promise<void>;
}

function closer(server: Server, sockets: Set<Socket>): () => Promise<void> {
  return () =>
    new Promise<void>((resolve) => {
      for (const socket of sockets) socket.destroy();
      server.close(() => resolve());
    });
}

function track(server: Server): Set<Socket> {
  const sockets = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  return sockets;
}

async function listen(server: Server): Promise<number> {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return (server.address() as AddressInfo).port;
}

/** `https://127.0.0.1:PORT` forwarding every request to `target` (the emulator). */
export async function startTlsProxy(
  target: string,
  certificates: TestCertificates,
): Promise<Running> {
  const upstream = new URL(target);
  const server = createHttpsServer(
    { cert: certificates.certPem, key: certificates.keyPem },
    (req, res) => {
      const forward = httpRequest(
        {
          host: upstream.hostname,
          port: upstream.port,
          path: req.url,
          method: req.method,
          headers: req.headers,
        },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      forward.on('error', () => res.destroy());
      req.pipe(forward);
    },
  );
  const sockets = track(server);
  server.on('secureConnection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  const port = await listen(server);
  return { url: `https://127.0.0.1:${port}`, close: closer(server, sockets) };
}

/** Accepts connections and never answers: for timeouts. */
export async function startSilentServer(): Promise<Running> {
  const server = createNetServer(() => undefined);
  const sockets = track(server);
  const port = await listen(server);
  return { url: `http://127.0.0.1:${port}`, close: closer(server, sockets) };
}

/** A loopback port where nothing listens (it was bound and released). */
export async function refusedUrl(): Promise<string> {
  const server = createNetServer();
  const port = await listen(server);
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}
