"""The PySpark job: WARC/WARC.gz files -> article records as Parquet partitioned by publication day.

    newsgraph spark --input 's3a://bucket/crawl/*.warc.gz' --output s3a://bucket/out [--master URL]

One task per file: the driver lists the files (any Hadoop filesystem Spark can read, globs included) and reads
them with `binaryFiles`, capped at one file per partition. On the executor each file goes through exactly the
stage functions `newsgraph analyze` uses: `iter_warc` (ingest) -> `analyze_stream` (extract + annotate) ->
`Deduplicator` (one batch = one file). The spaCy pipeline loads once per Python worker (lru_cache; Spark reuses
workers). Output:

    DIR/articles/date=YYYY-MM-DD/part-*.parquet   (date=unknown when the page gives no publication date)
    DIR/failures/part-*.parquet                    (input, reason, kind: every input that gave no article)

The rows are `newsgraph.scale.rows`: the one Parquet schema of `newsgraph.store.parquet` (typed, nested), the same
columns `newsgraph export --format parquet` writes.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterator
from typing import Any

from newsgraph.errors import FailureKind, InputError
from newsgraph.scale.rows import DATE, article_to_row

#: Columns holding the failure reason and its kind (errors.FailureKind); articles have them null.
REASON = "reason"
KIND = "kind"


def analyze_warc_bytes(name: str, data: bytes) -> Iterator[dict[str, Any]]:
    """One WARC file's bytes -> article rows and failure rows (runs on the executor)."""
    from newsgraph.ingest.warc import iter_warc
    from newsgraph.pipeline import analyze_stream
    from newsgraph.scale.dedup import Deduplicator, duplicate_reason

    for item, first in Deduplicator().mark(analyze_stream(iter_warc(name, stream=io.BytesIO(data)))):
        if isinstance(item, InputError):
            yield {"input": item.input, REASON: item.problem, KIND: item.kind.value}
        elif first is not None:
            yield {"input": item.input, REASON: duplicate_reason(item, first), KIND: FailureKind.duplicate.value}
        else:
            yield article_to_row(item)


def _schema():
    """The article schema (newsgraph.store.parquet) in Spark's terms, plus the failure reason and the partition day.

    A failure row reuses the article schema's `kind` column for its failure kind (errors.FailureKind)."""
    from pyspark.sql.pandas.types import from_arrow_schema
    from pyspark.sql.types import StringType, StructField

    from newsgraph.store.parquet import article_schema

    schema = from_arrow_schema(article_schema())
    schema.add(StructField(REASON, StringType(), True)).add(StructField(DATE, StringType(), True))
    return schema


def _partition(rows_iter):
    """mapPartitions body: (path, bytes) pairs -> rows as tuples in schema order."""
    names = _schema().fieldNames()
    for uri, data in rows_iter:
        path = local_name(uri)
        try:
            rows = list(analyze_warc_bytes(path, data))
        except Exception as exc:  # a bug must not kill the job: the file is reported failed
            err = InputError.internal(path, exc)
            rows = [{"input": path, REASON: err.problem, KIND: err.kind.value}]
        for row in rows:
            if row.get(REASON) is not None:
                row.setdefault(DATE, None)
            yield tuple(row.get(n) for n in names)


def local_name(uri: str) -> str:
    """file:/x/y.warc -> /x/y.warc, so local inputs are named as `newsgraph analyze` names them."""
    from urllib.parse import unquote, urlparse

    u = urlparse(uri)
    return unquote(u.path) if u.scheme == "file" else uri


#: Where a local[*] driver listens.
LOOPBACK = "127.0.0.1"


def is_local(master: str) -> bool:
    """True for the local masters (local, local[N], local[*], local[N,F], local-cluster[...])."""
    return master == "local" or master.startswith(("local[", "local-cluster["))


def spark_session(master: str | None = None, app: str = "newsgraph"):
    from pyspark.sql import SparkSession

    # The executors' Python must be the one newsgraph is installed in (a venv or the cluster's env).
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    b = SparkSession.builder.appName(app)
    if not master and not os.environ.get("PYSPARK_GATEWAY_PORT"):
        # Not started by spark-submit (which hands over its JVM and master): run locally on every core.
        master = "local[*]"
    if master:
        b = b.master(master)
    if master and is_local(master):
        # A local run stays on this machine: the driver, its block manager and its UI listen on the loopback
        # address only (Spark's default is the address of the first network interface, reachable from outside).
        os.environ.setdefault("SPARK_LOCAL_IP", LOOPBACK)
        b = b.config("spark.driver.bindAddress", LOOPBACK).config("spark.driver.host", LOOPBACK)
    # Small files are never packed into one task: one WARC file, one task.
    b = b.config("spark.files.maxPartitionBytes", "1").config("spark.files.openCostInBytes", "1")
    b = b.config("spark.ui.showConsoleProgress", "false")
    # Timestamps as Parquet TIMESTAMP(MICROS, UTC), the type `newsgraph export --format parquet` writes (not INT96).
    b = b.config("spark.sql.parquet.outputTimestampType", "TIMESTAMP_MICROS").config("spark.sql.session.timeZone", "UTC")
    return b.getOrCreate()


def list_files(spark, pattern: str) -> list[str]:
    """Expand a glob (or folder) on any Hadoop filesystem into file URIs, sorted."""
    jvm = spark.sparkContext._jvm
    conf = spark.sparkContext._jsc.hadoopConfiguration()
    path = jvm.org.apache.hadoop.fs.Path(pattern)
    fs = path.getFileSystem(conf)
    statuses = fs.globStatus(path) or []
    out: list[str] = []
    for st in statuses:
        if st.isDirectory():
            for child in fs.listStatus(st.getPath()):
                if child.isFile() and not child.getPath().getName().startswith((".", "_")):
                    out.append(child.getPath().toString())
        else:
            out.append(st.getPath().toString())
    return sorted(out)


def run(input: str, output: str, master: str | None = None, spark=None) -> dict[str, int]:
    """Run the job; return counts {files, articles, failures, skipped}. Overwrites DIR/articles and DIR/failures.

    `skipped` counts exact repeats (same URL and text in one file): listed in failures/ with reason "skipped, ...",
    so nothing disappears unreported, but they are not failures.
    """
    from pyspark import StorageLevel
    from pyspark.sql import functions as F

    own = spark is None
    spark = spark or spark_session(master)
    try:
        files = list_files(spark, input)
        if not files:
            raise FileNotFoundError(f"no input files match {input}")
        sc = spark.sparkContext
        rdd = sc.binaryFiles(",".join(files), minPartitions=len(files))
        df = spark.createDataFrame(rdd.mapPartitions(_partition), _schema()).persist(StorageLevel.MEMORY_AND_DISK)
        articles = df.filter(F.col(REASON).isNull()).drop(REASON)  # `kind` is the article's own column here
        failures = df.filter(F.col(REASON).isNotNull()).select("input", REASON, KIND)
        articles.write.mode("overwrite").partitionBy(DATE).parquet(output.rstrip("/") + "/articles")
        failures.coalesce(1).write.mode("overwrite").parquet(output.rstrip("/") + "/failures")
        skipped = F.col(KIND) == FailureKind.duplicate.value
        counts = {
            "files": len(files),
            "articles": articles.count(),
            "failures": failures.filter(~skipped).count(),
            "skipped": failures.filter(skipped).count(),
        }
        df.unpersist()
        return counts
    finally:
        if own:
            spark.stop()


def main(argv: list[str] | None = None) -> int:
    """Entry point for `spark-submit .../newsgraph/scale/spark.py --input GLOB --output DIR`."""
    import argparse

    ap = argparse.ArgumentParser(prog="newsgraph-spark", description="newsgraph over WARC files with Spark")
    ap.add_argument("--input", required=True)
    ap.add_argument("--output", required=True)
    ap.add_argument("--master", default=None)
    a = ap.parse_args(argv)
    counts = run(a.input, a.output, a.master)
    print(f"newsgraph: {counts}", file=sys.stderr)
    return 1 if counts["failures"] else 0


if __name__ == "__main__":
    sys.exit(main())
