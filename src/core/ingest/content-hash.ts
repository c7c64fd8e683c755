// A file's identity for idempotency: sha256 of its bytes, streamed so a 200 MB file costs no memory.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export async function hashFileContent(filePath: string): Promise<string> {
  const digest = createHash('sha256');
  for await (const chunk of createReadStream(filePath, { highWaterMark: 1 << 20 }))
    digest.update(chunk as Buffer);
  return digest.digest('hex');
}
