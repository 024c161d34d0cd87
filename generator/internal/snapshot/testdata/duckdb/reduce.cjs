// Reduces a raw endpoint inventory with DuckDB, as a data platform would:
// loads raw.csv (one row per host and package, with duplicate rows) into
// the table endpoint_software, runs the repository's reduction query
// (docs/sql/reduce-endpoint-inventory.sql) and writes its result as
// Parquet.
//
//   node reduce.cjs <duckdb-dir> <raw.csv> <query.sql> <out.parquet>
//
// <duckdb-dir> is the folder @duckdb/node-api was installed into with
// npm install --prefix.
'use strict';
const path = require('path');
const fs = require('fs');

async function main() {
  const [dir, raw, query, out] = process.argv.slice(2);
  if (!out) {
    throw new Error('usage: node reduce.cjs <duckdb-dir> <raw.csv> <query.sql> <out.parquet>');
  }
  const { DuckDBInstance } = require(path.join(path.resolve(dir), 'node_modules', '@duckdb', 'node-api'));
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  const lit = (s) => "'" + s.replace(/'/g, "''") + "'";
  // Every column as text, as an asset tool exports it; empty cells are NULL.
  await con.run('CREATE TABLE endpoint_software AS SELECT * FROM read_csv(' + lit(raw) +
    ', header = true, all_varchar = true)');
  const sql = fs.readFileSync(query, 'utf8').trim().replace(/;\s*$/, '');
  await con.run('COPY (' + sql + ') TO ' + lit(out) + ' (FORMAT PARQUET)');
  const n = await con.runAndReadAll('SELECT count(*) FROM endpoint_software');
  const m = await con.runAndReadAll('SELECT count(*) FROM ' + lit(out));
  process.stdout.write('raw rows ' + n.getRows()[0][0] + ', reduced rows ' + m.getRows()[0][0] + '\n');
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
