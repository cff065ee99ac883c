/**
 * `tsx src/cli/balance.ts <port> <backend port> [<backend port> ...]`: the local balancer
 * (local-balancer.ts) on 127.0.0.1:<port>, in front of instances on 127.0.0.1. For trying two
 * instances on one machine (scripts/two-instances.sh); production puts a real load balancer here.
 */
import { startBalancer } from './local-balancer';

const [port, ...backends] = process.argv.slice(2).map(Number);
if (!port || backends.length === 0 || backends.some((p) => !Number.isInteger(p))) {
  console.error('usage: balance.ts <port> <backend port> [<backend port> ...]');
  process.exit(2);
}
const balancer = await startBalancer(backends.map((p) => ({ host: '127.0.0.1', port: p })), { port });
console.log(`  balancer on http://127.0.0.1:${balancer.port} -> ${backends.map((p) => `127.0.0.1:${p}`).join(', ')}`);
const stop = (): void => void balancer.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
