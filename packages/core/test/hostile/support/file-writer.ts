// Child process for the file store test: writes `count` tokens under its own prefix to one file.
import { FileTokenStore } from '../../../src/stores/file-store';

async function main(): Promise<void> {
  const [path, key, prefix, count, startAt] = process.argv.slice(2) as [
    string,
    string,
    string,
    string,
    string,
  ];
  // Both processes start writing at the same moment, whatever their start-up times.
  await new Promise((resolve) => setTimeout(resolve, Math.max(0, Number(startAt) - Date.now())));
  const store = new FileTokenStore({ path, encryptionKey: key });
  const writes = Array.from({ length: Number(count) }, (_, index) =>
    store.set(`${prefix}-${index}`, {
      accessToken: `${prefix}-token-${index}`,
      tokenType: 'Bearer',
      obtainedAt: Date.now(),
      expiresAt: Date.now() + 3_600_000,
    }),
  );
  await Promise.all(writes);
  await store.close();
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
