// Reads the first bytes of a file (for sniffing and dialect detection) without reading the rest.
import { open } from 'node:fs/promises';

export interface FileHead {
  bytes: Uint8Array;
  /** True when the head is the whole file. */
  complete: boolean;
}

export async function readHead(path: string, maxBytes: number): Promise<FileHead> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(maxBytes + 1);
    let filled = 0;
    while (filled < buffer.length) {
      const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { bytes: buffer.subarray(0, Math.min(filled, maxBytes)), complete: filled <= maxBytes };
  } finally {
    await handle.close();
  }
}
