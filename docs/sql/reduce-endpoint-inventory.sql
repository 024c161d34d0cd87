-- Reduce an endpoint software inventory (an EDR or asset tool export: one
-- row per host and installed package, often 100 million rows) to
-- vulnreport's components: one row per system, product and version, with
-- the number of distinct hosts that run it. Run it where the data already
-- lives; the result is small (systems x distinct software) and is written
-- as data/components.parquet (or components.csv).
--
-- Input: a table or view endpoint_software with at least
--   host     the endpoint's id or name
--   system   the vulnreport system id the host belongs to
--   product  product key: vendor:product, a CPE 2.3 name or a purl
--   name     display name as the tool reported it
--   version  version as the tool reported it
-- Map your export's columns onto these names in a view first.
--
-- Nothing is filtered out: rows with an empty system, product or version
-- are kept (as their own group) so that vulnreport rejects them by row,
-- loudly, instead of the platform dropping them unseen. hosts counts
-- distinct non-null host values; a group whose hosts are all null gets 0,
-- which vulnreport reads as "all of the system's hosts".
--
-- The SELECT is plain SQL that DuckDB, Trino, Spark SQL and BigQuery all
-- run unchanged. Writing it as Parquet is each engine's own statement:
--   DuckDB:    COPY (<this query>) TO 'components.parquet' (FORMAT PARQUET);
--   Trino:     CREATE TABLE hive.export.components WITH (format = 'PARQUET') AS <this query>;
--   Spark SQL: INSERT OVERWRITE DIRECTORY '/export/components' USING parquet <this query>;
--   BigQuery:  EXPORT DATA OPTIONS (uri = 'gs://bucket/components-*.parquet', format = 'PARQUET') AS <this query>;
-- Spark and BigQuery write several part files: merge them into one
-- components.parquet (for example with DuckDB: COPY (SELECT * FROM
-- 'part-*.parquet' ORDER BY system, product, version) TO 'components.parquet').
SELECT
  system,
  product,
  version,
  MIN(name) AS name,
  COUNT(DISTINCT host) AS hosts
FROM endpoint_software
GROUP BY system, product, version
ORDER BY system, product, version
