// Entry point: `node src/main.js --role api|worker` (or setting Role); exit code 2 for an invalid setting.
import { InvalidSettingExitCode, SettingsError, loadOptions } from './options.js';

let options;
try {
  options = loadOptions();
} catch (error) {
  if (!(error instanceof SettingsError)) throw error;
  for (const failure of error.failures) process.stderr.write(`${failure}\n`);
  process.exit(InvalidSettingExitCode);
}

let service;
if (options.role === 'api') {
  const { Api } = await import('./api.js');
  service = await Api.create(options);
  const address = await service.listen();
  process.stdout.write(`[api] listening on http://${address.address}:${address.port} (store ${options.store.kind})\n`);
} else {
  const { JobWorkers } = await import('./worker.js');
  service = await JobWorkers.create(options);
  service.run();
  process.stdout.write(`[worker] started: concurrency ${options.worker.concurrency} per queue, store ${options.store.kind}\n`);
}

let stopping = false;
const stop = async (signal) => {
  if (stopping) return;
  stopping = true;
  process.stdout.write(`[${options.role}] ${signal}: stopping\n`);
  const force = setTimeout(() => process.exit(0), 15_000);
  force.unref();
  await service.close().catch((error) => process.stderr.write(`[${options.role}] close: ${error?.message}\n`));
  process.exit(0);
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
