// Writes the typed Parquet fixtures of source's tests with DuckDB
// (components.parquet is written by ../../../snapshot/testdata/duckdb/reduce.cjs).
//
//   npm install --prefix /tmp/duckdb-node @duckdb/node-api
//   node make.cjs /tmp/duckdb-node
'use strict';
const path = require('path');

async function main() {
  const { DuckDBInstance } = require(path.join(path.resolve(process.argv[2]), 'node_modules', '@duckdb', 'node-api'));
  const con = await (await DuckDBInstance.create(':memory:')).connect();
  // Typed columns: BIGINT hosts, DATE installed, an unknown DOUBLE, a NULL
  // version, text that is not valid UTF-8 (a BLOB column named like text).
  await con.run(`COPY (SELECT * FROM (VALUES
      ('web-1', 'apache:struts', '2.5.10', 3::BIGINT, DATE '2024-04-01', 1.5::DOUBLE, true),
      ('web-1', 'apache:tomcat', NULL, 0::BIGINT, NULL, NULL, false),
      ('db-1', 'oracle:mysql', '8.0.30', 12::BIGINT, DATE '1999-12-31', 2.0::DOUBLE, NULL)
    ) t(system, product, version, hosts, installed, score, active)) TO 'typed.parquet' (FORMAT PARQUET)`);
  await con.run(`COPY (SELECT 'web-1' AS system, 'apache:struts' AS product, '\\xff\\xfe'::BLOB AS version
    UNION ALL SELECT 'web-1', 'apache:tomcat', '9.0.1'::BLOB) TO 'binary.parquet' (FORMAT PARQUET)`);
  await con.run(`COPY (SELECT 'web-1' AS system, ['a', 'b'] AS patches) TO 'list.parquet' (FORMAT PARQUET)`);
}

main().catch((e) => {
  process.stderr.write(String(e && e.stack || e) + '\n');
  process.exit(1);
});
