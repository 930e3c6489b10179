// A real redis-server for the integration tests: PERF_REDIS_SERVER (set by eng/bullmq-test.sh) or redis-server on
// PATH, on a free loopback port, without persistence. Readiness is a PING answered, with a deadline.
import { spawn } from 'node:child_process';
import net from 'node:net';
import Redis from 'ioredis';

export async function freePort() {
  const server = net.createServer();
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

export async function waitFor(what, check, timeoutMs = 10_000, intervalMs = 25) {
  const deadline = Date.now() + timeoutMs;
  let last;
  while (Date.now() < deadline) {
    try {
      const value = await check();
      if (value) return value;
    } catch (error) {
      last = error;
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}${last ? ` (last error: ${last.message})` : ''}`);
}

export class RedisServer {
  static async start(port) {
    const binary = process.env.PERF_REDIS_SERVER || 'redis-server';
    const server = new RedisServer(binary, port ?? (await freePort()));
    await server.run();
    return server;
  }

  constructor(binary, port) {
    this.binary = binary;
    this.port = port;
    this.log = '';
  }

  get connectionString() {
    return `127.0.0.1:${this.port}`;
  }

  async run() {
    this.process = spawn(this.binary, ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    this.process.stdout.on('data', (chunk) => { this.log += chunk; });
    this.process.stderr.on('data', (chunk) => { this.log += chunk; });
    const exited = new Promise((resolve) => this.process.once('exit', resolve));
    this.exited = exited;
    const spawnError = new Promise((_, reject) => this.process.once('error', (error) =>
      reject(new Error(`cannot start ${this.binary} (set PERF_REDIS_SERVER or run eng/bullmq-test.sh): ${error.message}`))));
    const client = new Redis({ port: this.port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    client.on('error', () => {});
    try {
      await Promise.race([
        spawnError,
        exited.then((code) => { throw new Error(`redis-server exited with ${code}: ${this.log}`); }),
        waitFor(`redis-server on port ${this.port} to answer PING`, async () => {
          if (client.status !== 'ready') await client.connect().catch(() => client.disconnect());
          return (await client.ping()) === 'PONG';
        }),
      ]);
    } finally {
      client.disconnect();
    }
  }

  client() {
    const client = new Redis({ port: this.port, host: '127.0.0.1' });
    client.on('error', () => {});
    return client;
  }

  get running() {
    return this.process !== undefined && this.process.exitCode === null && this.process.signalCode === null;
  }

  async stop() {
    if (!this.running) return;
    this.process.kill('SIGKILL');
    await this.exited;
  }
}
