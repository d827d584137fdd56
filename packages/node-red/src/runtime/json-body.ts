// Reads a JSON request body on a route Node-RED's body parsers do not cover.
import type { IncomingMessage } from 'node:http';

const MAX_BODY_BYTES = 1024 * 1024;

export function readJsonBody(req: unknown): Promise<unknown> {
  const request = req as IncomingMessage & { body?: unknown };
  if (request.body !== undefined) return Promise.resolve(request.body);
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('body too large'));
        request.destroy();
        return;
      }
      chunks.push(chunk);
    });
    request.on('end', () => {
      try {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve(text === '' ? undefined : (JSON.parse(text) as unknown));
      } catch (error) {
        reject(error as Error);
      }
    });
    request.on('error', reject);
  });
}
