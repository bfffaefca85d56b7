// Baseline for bench/pool: node-postgres's Pool (the stack the pool design came from),
// against the same server in the same run. Connection from PGHOST/PGPORT/PGUSER/PGDATABASE.
'use strict';
const { Pool } = require('pg');

const mode = process.argv[2] || 'throughput';
const seconds = Number(process.argv[3] || 10);
const clients = Number(process.argv[4] || 200);
const max = Number(process.argv[5] || 20);

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function throughput() {
  const pool = new Pool({ max, application_name: 'bench-node-pg' });
  // Warm the pool so both sides start with open sessions.
  await Promise.all(Array.from({ length: max }, () => pool.query('SELECT 1')));
  let done = 0;
  let stop = false;
  const t0 = process.hrtime.bigint();
  setTimeout(() => { stop = true; }, seconds * 1000);
  await Promise.all(Array.from({ length: clients }, async () => {
    while (!stop) {
      await pool.query('SELECT 1');
      done++;
    }
  }));
  const elapsed = Number(process.hrtime.bigint() - t0) / 1e9;
  await pool.end();
  console.log(JSON.stringify({ tool: 'node-pg', mode, queries: done, seconds: elapsed, qps: done / elapsed }));
}

async function acquire() {
  const pool = new Pool({ max: 1 });
  const c0 = await pool.connect();
  c0.release();
  const batches = [];
  const batch = 1000;
  for (let b = 0; b < 200; b++) {
    const t0 = process.hrtime.bigint();
    for (let i = 0; i < batch; i++) {
      const c = await pool.connect();
      c.release();
    }
    batches.push(Number(process.hrtime.bigint() - t0) / batch / 1000);
  }
  await pool.end();
  console.log(JSON.stringify({ tool: 'node-pg', mode, median_us: median(batches) }));
}

(mode === 'acquire' ? acquire() : throughput()).catch((e) => {
  console.error(e.message);
  process.exit(1);
});
