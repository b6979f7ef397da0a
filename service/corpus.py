"""Extraction over a corpus: articles -> Parquet parts, one per shard, on local processes or a Dask cluster.

This is a service (it plans the work, runs it on processes or a cluster and writes files). The command
`python -m extract events PATH... --out-dir DIR [--shards N] [--scheduler tcp://HOST:8786]` comes here
through service/cli_events.py, which adds these options to extract/events/cli.py's command; extract/
itself imports nothing of service/.

    plan = plan_shards(["corpus/"], n_shards=16)          # deterministic: same inputs -> same shards
    result = extract_shard(plan.shards[3], "parts/")      # one shard -> parts/part-00003-of-00016.<key>.parquet
    summary = extract_corpus(["corpus/"], "parts/", n_shards=16, scheduler=None)   # all shards, both cores
    load_parts(EventStore("data/store"), "parts/")        # the parts into the Arrow store

Shards
    The inputs are files and directories (walked as extract.ingest walks them: sorted, hidden entries
    skipped; URLs and standard input are not sharded). The unit of work is one line of a JSON lines file
    (.jsonl, .ndjson) or one whole file of any other kind; with U units in input order, shard i of n takes
    units [i*U//n, (i+1)*U//n). The plan depends only on the inputs, the shard count and --published,
    never on the machines or the number of workers. A shard is shipped as a spec (paths, line and byte
    ranges, digests), not as articles: each worker reads its own bytes, and refuses them when they differ
    from what the plan saw (a file changed, or another file at that path on this worker). The default
    shard count is one shard per UNITS_PER_SHARD units.

Parts (the layout other tools may rely on)
    DIR/part-00003-of-00016.<key>.parquet holds the events of shard 3 of 16, in input order (article by
    article, each article's events in the extractor's order). <key> is 16 hex digits of a SHA-256 over the
    shard's input (names, line ranges and bytes), --published and the extractor's version (the installed
    event-timeline version and the columns), so a shard whose input or extractor version changed gets a
    new name (code edited without a new version keeps the keys: extract into a new directory then).
    The columns are exactly the events table of core.schema.EVENT_COLUMNS, in that order, typed as
    PART_SCHEMA: strings, bool, int64, float64; actors/countries/topics as list<string>; date_start and
    date_end timestamp[ns]; published timestamp[ns, UTC]. Zstandard-compressed, with pandas metadata. A
    shard without events still has a part (no rows). The output of a run is the concatenation of its parts
    in shard order (sorted file names), row for row the events `extract_events` gives for the same inputs.
    A part is written to a hidden temporary name in DIR, flushed and renamed, so a part that exists is
    whole; a rerun skips every shard whose part exists and redoes the others.
    DIR/_extraction.json: the plan (inputs, shard count, part names in order), written when a run starts,
    and the last run's counts. A directory holds one extraction: a run over other inputs refuses it; a
    rerun over the same inputs removes the parts its plan no longer names (another shard count, changed
    input or extractor) and the temporary files of killed runs. One run at a time writes to a directory
    (a lock file, DIR/.lock, says so).

Clusters
    With a scheduler address the shards run as Dask tasks. Every worker needs this project installed (the
    same version: a worker with another version fails its shards, saying so) and must see the inputs
    and DIR at the same absolute paths as the machine that runs the command (a shared filesystem).
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import pathlib
import re
import stat
import sys
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

import pyarrow as pa

from core.errors import ExtractError
from core.schema import EVENT_COLUMNS, LIST_COLUMNS

UNITS_PER_SHARD = 250  # default shard size: JSON lines (or whole files) per shard
SCHEDULER_TIMEOUT = 10.0  # seconds to wait for a Dask scheduler to answer
MAX_SHARDS = 99_999  # part names carry five digits
BATCH_ROWS = 250_000  # load_parts adds parts to the store in batches of about this many rows
MANIFEST = "_extraction.json"
PART_FORMAT = "event-parts/1"
LINE_SUFFIXES = (".jsonl", ".ndjson")
PART_RE = re.compile(r"^part-(\d{5})-of-(\d{5})\.([0-9a-f]{16})\.parquet$")
SHOWN = 20  # rejected inputs and failed shards printed by the command
log = logging.getLogger(__name__)

_ARROW_TYPES = {
    "string": pa.string(),
    "bool": pa.bool_(),
    "int64": pa.int64(),
    "float64": pa.float64(),
    "datetime64[ns]": pa.timestamp("ns"),
    "datetime64[ns, UTC]": pa.timestamp("ns", tz="UTC"),
}
PART_SCHEMA = pa.schema(
    [
        pa.field(name, pa.list_(pa.string()) if name in LIST_COLUMNS else _ARROW_TYPES[dtype])
        for name, (dtype, _) in EVENT_COLUMNS.items()
    ]
)


class CorpusError(ExtractError):
    """A sharded extraction cannot start or its parts cannot be loaded (the message says why and what to do)."""


class ShardInputError(ExtractError):
    """A worker could not read a shard's input, or read other bytes than the plan saw."""


# ---------------------------------------------------------------- plan


@dataclass(frozen=True)
class Unit:
    """Input of a shard from one file: lines [first_line, end_line) at bytes [start, end), or the whole file."""

    name: str  # the file as the inputs name it: the articles' origin
    path: str  # absolute path the worker opens
    whole: bool = False
    first_line: int = 0  # 0-based
    end_line: int = 0
    start: int = 0
    end: int = 0
    digest: str = ""  # SHA-256 of the bytes the planner read ("" when it could not read them)
    error: str = ""  # why the planner could not read the file: the shard fails with this

    def label(self) -> str:
        if self.whole:
            return self.name
        return f"{self.name} lines {self.first_line + 1}-{self.end_line}"


@dataclass(frozen=True)
class ShardSpec:
    """What a worker needs to extract one shard: its place, its input and the options."""

    index: int
    n_shards: int
    units: tuple[Unit, ...]
    published: str | None
    version: str  # extractor_version() of the machine that planned the run
    key: str

    @property
    def name(self) -> str:
        return part_name(self.index, self.n_shards, self.key)


@dataclass
class Plan:
    inputs: list[str]
    shards: list[ShardSpec]
    units: int
    rejected: list[tuple[str, str]] = field(default_factory=list)


def part_name(index: int, n_shards: int, key: str) -> str:
    return f"part-{index:05d}-of-{n_shards:05d}.{key}.parquet"


@functools.lru_cache(maxsize=1)
def extractor_version() -> str:
    """The extractor's version as part keys carry it: the installed event-timeline version and the columns.

    Not a hash of the code: in a working tree edited while a run goes on, that would change under the
    run. After changing the extractor without a new version, extract into a new directory."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version("event-timeline")
    except PackageNotFoundError:  # pragma: no cover - run from a checkout that is not installed
        installed = "unversioned"
    return f"{PART_FORMAT} event-timeline {installed} columns {','.join(EVENT_COLUMNS)}"


def _shard_key(version: str, published: str | None, units: Iterable[Unit]) -> str:
    h = hashlib.sha256(f"{version}\0{published or ''}\0".encode())
    for u in units:
        h.update(f"{u.name}\0{u.whole}\0{u.first_line}\0{u.end_line}\0{u.digest}\0{u.error}\0".encode())
    return h.hexdigest()[:16]


def _expand(inputs: Sequence[str], rejected: list[tuple[str, str]], skip: str | None = None) -> list[str]:
    """The files the inputs name, in the order extract.ingest reads them; none under the directory `skip`."""
    from extract.ingest.sources import _walk

    files: list[str] = []
    for item in inputs:
        item = os.fspath(item)
        if item == "-" or (re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", item.strip()) and not os.path.exists(item)):
            raise CorpusError(
                f"{item}: a sharded extraction (--out-dir) reads files and directories, not URLs or standard "
                "input; save them to files first"
            )
        path = pathlib.Path(item)
        if path.is_dir():
            found = [str(f) for f in _walk(path)]
            if skip:  # the output directory inside an input directory: its _extraction.json is no article
                found = [f for f in found if not os.path.abspath(f).startswith(skip + os.sep)]
            if not found:
                rejected.append((item, "the directory holds no file of a format the extractor reads"))
            files.extend(found)
        elif os.path.lexists(item):
            files.append(item)
        else:
            rejected.append((item, "no such file or directory"))
    return files


def _count_lines(path: str) -> int:
    n = 0
    last = b"\n"
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            n += chunk.count(b"\n")
            last = chunk[-1:]
    return n + (last != b"\n")


def _file_facts(name: str) -> tuple[bool, int, str]:
    """(split by lines?, units, planner error) for one file."""
    try:
        info = os.stat(name)
        if not stat.S_ISREG(info.st_mode):
            return False, 1, ""  # the worker rejects it as extract.ingest does
        if not name.lower().endswith(LINE_SUFFIXES):
            return False, 1, ""
        with open(name, "rb") as fh:
            if fh.read(2) in (b"\xff\xfe", b"\xfe\xff"):
                return False, 1, ""  # UTF-16: lines are not split at b"\n"; read whole
        return True, _count_lines(name), ""
    except OSError as exc:
        return False, 1, f"cannot read the file ({exc.strerror or exc})"


def _digest_file(path: str) -> tuple[str, str]:
    """(SHA-256 of the file, error); a file that is not regular gets the digest 'not-regular'."""
    try:
        if not stat.S_ISREG(os.stat(path).st_mode):
            return "not-regular", ""
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            while chunk := fh.read(1 << 20):
                h.update(chunk)
        return h.hexdigest(), ""
    except OSError as exc:
        return "", f"cannot read the file ({exc.strerror or exc})"


def _line_segments(name: str, path: str, cuts: list[tuple[int, int]]) -> list[Unit]:
    """Units for consecutive line ranges [a, b) of one file (from line 0), with byte ranges and digests."""
    units = []
    with open(path, "rb") as fh:
        offset = line_no = 0
        for a, b in cuts:
            h = hashlib.sha256()
            start = offset
            while line_no < b:
                line = fh.readline()
                if not line:
                    raise CorpusError(f"{name} changed while the run was being planned; run again")
                h.update(line)
                offset += len(line)
                line_no += 1
            units.append(Unit(name, path, False, a, b, start, offset, h.hexdigest()))
    return units


def plan_shards(
    inputs: Sequence[str] | str,
    n_shards: int | None = None,
    *,
    published: str | None = None,
    limit: int | None = None,
    out_dir: str | os.PathLike | None = None,
) -> Plan:
    """Cut the inputs into shards (see the module doc). limit: use only the first `limit` units.
    out_dir: the directory of parts, whose files are never inputs (when it sits in an input directory)."""
    inputs = [inputs] if isinstance(inputs, str | os.PathLike) else [os.fspath(x) for x in inputs]
    if n_shards is not None and not 1 <= n_shards <= MAX_SHARDS:
        raise CorpusError(f"--shards {n_shards}: give a number from 1 to {MAX_SHARDS}")
    if published is not None:
        from extract.ingest.published import parse_cli_published

        parse_cli_published(published)  # a bad date is refused before any work
    rejected: list[tuple[str, str]] = []
    files = []  # (name, by_lines, units, error)
    total = 0
    skip = os.path.abspath(out_dir) if out_dir is not None else None
    for name in _expand(inputs, rejected, skip):
        by_lines, n, error = _file_facts(name)
        if by_lines and n == 0:
            rejected.append((name, "the input is empty"))
            continue
        if limit is not None:
            n = min(n, limit - total)
            if n <= 0:
                break
        files.append((name, by_lines, n, error))
        total += n
    version = extractor_version()
    if total == 0:
        return Plan(inputs, [], 0, rejected)
    n = min(n_shards or -(-total // UNITS_PER_SHARD), total)
    bounds = [i * total // n for i in range(n + 1)]
    per_shard: list[list[Unit]] = [[] for _ in range(n)]
    g = 0  # global index of the file's first unit
    for name, by_lines, count, error in files:
        path = os.path.abspath(name)
        if not by_lines:
            if error:
                unit = Unit(name, path, True, error=error)
            else:
                digest, error = _digest_file(path)
                unit = Unit(name, path, True, digest=digest, error=error)
            per_shard[_shard_of(bounds, g)].append(unit)
        else:
            cuts, owners = [], []
            for i in range(_shard_of(bounds, g), n):
                a, b = max(bounds[i], g), min(bounds[i + 1], g + count)
                if a >= b:
                    break
                cuts.append((a - g, b - g))
                owners.append(i)
            try:
                segments = _line_segments(name, path, cuts)
            except OSError as exc:
                reason = f"cannot read the file ({exc.strerror or exc})"
                segments = [Unit(name, path, False, a, b, error=reason) for a, b in cuts]
            for i, unit in zip(owners, segments, strict=True):
                per_shard[i].append(unit)
        g += count
    shards = [
        ShardSpec(i, n, tuple(units), published, version, _shard_key(version, published, units))
        for i, units in enumerate(per_shard)
    ]
    return Plan(inputs, shards, total, rejected)


def _shard_of(bounds: list[int], g: int) -> int:
    import bisect

    return bisect.bisect_right(bounds, g) - 1


# ---------------------------------------------------------------- one shard


@dataclass
class ShardResult:
    """What became of one shard. status: done, skipped (its part already existed) or failed."""

    index: int
    n_shards: int
    name: str
    status: str
    path: str = ""
    events: int = 0
    articles: int = 0
    without_events: int = 0
    rejected: list[tuple[str, str]] = field(default_factory=list)
    error: str = ""
    failed_input: str = ""
    seconds: float = 0.0


def _read_unit(unit: Unit) -> bytes | None:
    """The unit's bytes, checked against the plan; None for a file that is not regular (rejected later)."""
    if unit.error:
        raise ShardInputError(f"{unit.name}: {unit.error}")
    try:
        if unit.whole:
            if not stat.S_ISREG(os.stat(unit.path).st_mode):
                data = None
            else:
                with open(unit.path, "rb") as fh:
                    data = fh.read()
        else:
            with open(unit.path, "rb") as fh:
                fh.seek(unit.start)
                data = fh.read(unit.end - unit.start)
    except OSError as exc:
        raise ShardInputError(f"{unit.name}: cannot read the file ({exc.strerror or exc})") from None
    digest = "not-regular" if data is None else hashlib.sha256(data).hexdigest()
    if digest != unit.digest:
        raise ShardInputError(
            f"{unit.label()}: the bytes differ from those the run was planned on (the file changed, or this "
            "worker sees another file at that path); run again to plan anew"
        )
    return data


class _Failures(logging.Handler):
    """Collects the unexpected reader and cleaner failures extract.ingest logs from this thread."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.thread = threading.get_ident()
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread == self.thread and record.exc_info:
            exc = record.exc_info[1]
            self.messages.append(f"{record.getMessage()} ({type(exc).__name__}: {exc})")


def _unit_articles(unit: Unit, data: bytes | None, published: str | None, rejected: list) -> list:
    """The Articles of one unit, read by extract.ingest.load_articles: a bad input or record is added to
    rejected, with line numbers counted from the start of the file.

    A reader or cleaner that fails in an unexpected way (a bug, a missing data file; load_articles logs it
    and rejects the input) fails the shard instead: a part, once written, is not redone."""
    from extract.ingest import DEFAULT_MAX_BYTES, load_articles

    if unit.whole and data is None:
        rejected.append((unit.name, "not a regular file (a device, pipe or socket is not read)"))
        return []
    if not unit.whole and not data.strip():
        return []
    logger = logging.getLogger("extract.ingest")
    failures = _Failures()
    logger.addHandler(failures)
    try:
        limit = DEFAULT_MAX_BYTES if unit.whole else max(DEFAULT_MAX_BYTES, len(data))
        result = load_articles([(unit.name, data)], published=published, max_bytes=limit)
    finally:
        logger.removeHandler(failures)
    if failures.messages:
        raise ShardInputError(f"{unit.label()}: {failures.messages[0]}; the shard is left for a rerun")
    line = re.compile(re.escape(unit.name) + r" line (\d+)")
    for r in result.rejected:
        source = r.source
        if not unit.whole:  # the reader numbered the lines of this range from 1
            source = line.sub(lambda m: f"{unit.name} line {int(m.group(1)) + unit.first_line}", source, count=1)
        rejected.append((source, r.problem))
    return list(result.articles)


def _articles_key(articles: Sequence, published: str | None) -> str:
    from extract.ingest import article_to_json

    h = hashlib.sha256(f"{extractor_version()}\0{published or ''}\0articles\0".encode())
    for a in articles:
        h.update(json.dumps(article_to_json(a), sort_keys=True, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
    return h.hexdigest()[:16]


def extract_shard(
    source: ShardSpec | Sequence,
    out_dir: str | os.PathLike,
    shard_index: int | None = None,
    n_shards: int | None = None,
) -> ShardResult:
    """Extract one shard into DIR/part-<i>-of-<n>.<key>.parquet and return what became of it.

    source: a ShardSpec from plan_shards (the worker reads its input), or a sequence of all the Articles
    with shard_index and n_shards (the shard takes articles [i*len//n, (i+1)*len//n)).
    A part that already exists is not redone (status "skipped"). Raises ShardInputError when the input
    cannot be read or differs from the plan; bad records are listed in the result's rejected.
    """
    t0 = time.perf_counter()
    out = pathlib.Path(out_dir)
    rejected: list[tuple[str, str]] = []
    if isinstance(source, ShardSpec):
        spec = source
        if spec.version != extractor_version():
            raise ShardInputError(
                f"this worker ({os.uname().nodename}) runs another version of the extractor ({extractor_version()}) "
                f"than the machine that planned the run ({spec.version}): install the same version on every worker"
            )
        name, index, n = spec.name, spec.index, spec.n_shards
        if (out / name).exists():
            return ShardResult(index, n, name, "skipped", str(out / name), events=_part_rows(out / name))
        articles = []
        for unit in spec.units:
            articles.extend(_unit_articles(unit, _read_unit(unit), spec.published, rejected))
    else:
        if shard_index is None or n_shards is None or not 0 <= shard_index < n_shards:
            raise ValueError("give shard_index and n_shards (0 <= shard_index < n_shards) with a list of articles")
        everything = list(source)
        index, n = shard_index, n_shards
        articles = everything[index * len(everything) // n : (index + 1) * len(everything) // n]
        name = part_name(index, n, _articles_key(articles, None))
        if (out / name).exists():
            return ShardResult(index, n, name, "skipped", str(out / name), events=_part_rows(out / name))
    from extract.events.pipeline import iter_events, rows_to_frame

    rows: list[dict] = []
    empty = 0
    for _article, article_rows, _note in iter_events(articles, workers=1):
        rows.extend(article_rows)
        empty += not article_rows
    frame = rows_to_frame(rows)
    table = pa.Table.from_pandas(frame, schema=PART_SCHEMA, preserve_index=False)
    path = _write_part(table, out, name)
    return ShardResult(
        index,
        n,
        name,
        "done",
        str(path),
        events=table.num_rows,
        articles=len(articles),
        without_events=empty,
        rejected=rejected,
        seconds=time.perf_counter() - t0,
    )


def _write_part(table: pa.Table, out: pathlib.Path, name: str) -> pathlib.Path:
    """Write to a hidden temporary file, flush it to disk, then rename: a part that exists is whole."""
    import pyarrow.parquet as pq

    out.mkdir(parents=True, exist_ok=True)
    final = out / name
    tmp = out / f".{name}.{os.getpid()}.{uuid.uuid4().hex[:8]}.tmp"
    try:
        with open(tmp, "wb") as fh:
            pq.write_table(table, fh, compression="zstd")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, final)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    return final


def _part_rows(path: pathlib.Path) -> int:
    import pyarrow.parquet as pq

    try:
        return pq.ParquetFile(path).metadata.num_rows
    except Exception:  # a damaged part counts no rows here; load_parts names it
        return 0


def _run_shard(spec: ShardSpec, out_dir: str) -> ShardResult:
    """extract_shard for the executors: failures come back as results, so the other shards go on."""
    t0 = time.perf_counter()
    try:
        return extract_shard(spec, out_dir)
    except Exception as exc:
        if not isinstance(exc, ExtractError):
            log.exception("shard %s failed", spec.name)
        failed = _failed(spec, exc)
        failed.seconds = time.perf_counter() - t0
        return failed


def _failed(spec: ShardSpec, exc: BaseException | str) -> ShardResult:
    from core.errors import user_message

    text = exc if isinstance(exc, str) else user_message(exc)
    where = next((u.name for u in spec.units if text.startswith(u.name)), "")
    return ShardResult(spec.index, spec.n_shards, spec.name, "failed", error=text, failed_input=where)


# ---------------------------------------------------------------- a run


@dataclass
class RunSummary:
    """What a run did: one result per shard, plus the inputs the plan could not use."""

    out_dir: str
    results: list[ShardResult] = field(default_factory=list)
    rejected: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0

    def count(self, status: str) -> int:
        return sum(r.status == status for r in self.results)

    @property
    def events_written(self) -> int:
        return sum(r.events for r in self.results if r.status == "done")

    def line(self) -> str:
        done, skipped, failed = self.count("done"), self.count("skipped"), self.count("failed")
        articles = sum(r.articles for r in self.results)
        empty = sum(r.without_events for r in self.results)
        text = f"shards: {done} done, {skipped} skipped as finished, {failed} failed"
        if failed:
            names = sorted({r.failed_input or r.name for r in self.results if r.status == "failed"})
            text += " (" + ", ".join(names[:3]) + (", ..." if len(names) > 3 else "") + ")"
        text += f"; {self.events_written:,} events written from {articles:,} articles ({empty:,} without events)"
        text += f", {sum(r.events for r in self.results):,} in all parts"
        text += f"; {len(self.rejected):,} inputs rejected; parts in {self.out_dir} ({self.seconds:.1f} s)"
        return text


Progress = Callable[[ShardResult, int, int], None]


def extract_corpus(
    inputs: Sequence[str] | str,
    out_dir: str | os.PathLike,
    *,
    n_shards: int | None = None,
    scheduler: str | None = None,
    workers: int | None = None,
    published: str | None = None,
    limit: int | None = None,
    progress: Progress | None = None,
    scheduler_timeout: float = SCHEDULER_TIMEOUT,
) -> RunSummary:
    """Plan the shards and extract every unfinished one: on `workers` local processes (default both
    cores; 1 = in this process), or on the Dask cluster whose scheduler is at `scheduler`.

    Raises CorpusError when nothing can be read, the directory holds another extraction, or the scheduler
    does not answer within scheduler_timeout seconds; a shard that fails is reported in the summary.
    """
    t0 = time.perf_counter()
    with contextlib.ExitStack() as stack:
        client = stack.enter_context(_dask_client(scheduler, scheduler_timeout)) if scheduler else None
        plan = plan_shards(inputs, n_shards, published=published, limit=limit, out_dir=out_dir)
        if not plan.shards:
            shown = "; ".join(f"{s}: {p}" for s, p in plan.rejected[:3]) or "no inputs"
            raise CorpusError(f"no article file could be found in the inputs ({shown})")
        out = pathlib.Path(out_dir).resolve()
        stack.enter_context(_out_dir_lock(out))
        _prepare(out, plan)
        summary = RunSummary(str(out_dir), rejected=list(plan.rejected))
        todo = []
        for spec in plan.shards:
            part = out / spec.name
            if part.exists():
                summary.results.append(ShardResult(spec.index, spec.n_shards, spec.name, "skipped", str(part)))
                summary.results[-1].events = _part_rows(part)
            else:
                todo.append(spec)
        finished = len(summary.results)
        if client is not None:
            runner = _on_dask(client, todo, str(out))
        else:
            runner = _on_processes(todo, str(out), workers)
        for result in runner:
            summary.results.append(result)
            summary.rejected.extend(result.rejected)
            finished += 1
            if progress is not None:
                progress(result, finished, len(plan.shards))
        summary.results.sort(key=lambda r: r.index)
        summary.seconds = time.perf_counter() - t0
        _write_manifest(out, plan, summary)
    return summary


@contextlib.contextmanager
def _dask_client(address: str, timeout: float):
    try:
        from distributed import Client
    except ImportError as exc:  # pragma: no cover - distributed is in requirements.txt
        raise CorpusError("--scheduler needs the 'distributed' package: pip install -r requirements.txt") from exc
    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError) as exc:
        raise CorpusError(
            f"no Dask scheduler answered at {address} within {timeout:g} s ({exc}); start one with "
            "`dask scheduler` and workers with `dask worker ADDRESS`, or leave out --scheduler to use this machine"
        ) from None
    try:
        yield client
    finally:
        client.close()


@contextlib.contextmanager
def _out_dir_lock(out: pathlib.Path):
    from filelock import FileLock, Timeout

    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CorpusError(f"{out}: cannot create the output directory ({exc.strerror or exc})") from None
    lock = FileLock(str(out / ".lock"), timeout=0)
    try:
        lock.acquire()
    except Timeout:
        raise CorpusError(f"{out}: another extraction is writing to this directory; wait for it to finish") from None
    try:
        yield
    finally:
        lock.release()


def _same_inputs(a: Sequence[str], b: Sequence[str]) -> bool:
    return [os.path.normpath(x) for x in a] == [os.path.normpath(x) for x in b]


def _prepare(out: pathlib.Path, plan: Plan) -> None:
    """Check the directory holds this extraction (or none), drop stale parts and temporaries, write the plan."""
    manifest = _read_manifest(out)
    ours = {s.name for s in plan.shards}
    parts = [p for p in out.iterdir() if PART_RE.match(p.name)]
    if manifest is None and parts:
        raise CorpusError(
            f"{out} holds parts ({parts[0].name}, ...) but no {MANIFEST}: they were not written by this command; "
            "give another --out-dir"
        )
    if manifest is not None and not _same_inputs(manifest.get("inputs", []), plan.inputs):
        raise CorpusError(
            f"{out} holds the parts of an extraction of other inputs ({', '.join(manifest.get('inputs', [])[:3])}); "
            "give another --out-dir, or delete that directory to start over"
        )
    for p in parts:
        if p.name not in ours:
            p.unlink()
    for p in [*out.glob(".part-*.tmp"), *out.glob(f".{MANIFEST}.*.tmp")]:  # left by killed runs
        with contextlib.suppress(OSError):
            p.unlink()
    _write_json(out / MANIFEST, _manifest(plan, None))


def _manifest(plan: Plan, summary: RunSummary | None) -> dict:
    data = {
        "format": PART_FORMAT,
        "inputs": plan.inputs,
        "published": plan.shards[0].published if plan.shards else None,
        "units": plan.units,
        "shards": len(plan.shards),
        "version": extractor_version(),
        "parts": [s.name for s in plan.shards],
        "columns": list(EVENT_COLUMNS),
    }
    if summary is not None:
        data["last_run"] = {
            "done": summary.count("done"),
            "skipped": summary.count("skipped"),
            "failed": [{"part": r.name, "error": r.error} for r in summary.results if r.status == "failed"],
            "events_written": summary.events_written,
            "seconds": round(summary.seconds, 1),
        }
    return data


def _write_manifest(out: pathlib.Path, plan: Plan, summary: RunSummary) -> None:
    _write_json(out / MANIFEST, _manifest(plan, summary))


def _write_json(path: pathlib.Path, data: dict) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    tmp.write_text(json.dumps(data, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    os.replace(tmp, path)


def _read_manifest(out: pathlib.Path) -> dict | None:
    try:
        return json.loads((out / MANIFEST).read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        raise CorpusError(f"{out / MANIFEST}: cannot be read ({exc}); give another --out-dir") from None


def _on_processes(todo: list[ShardSpec], out_dir: str, workers: int | None) -> Iterator[ShardResult]:
    """Shards on local processes, results as they finish (workers=1: in this process)."""
    from extract.events.pipeline import default_workers

    workers = default_workers() if workers is None else max(1, workers)
    workers = min(workers, len(todo))
    if workers <= 1:
        for spec in todo:
            yield _run_shard(spec, out_dir)
        return
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor, as_completed
    from concurrent.futures.process import BrokenProcessPool

    # fork starts workers fastest, but is only safe from a process with one thread (a test process with a
    # Dask client has several): then spawn.
    method = "fork" if "fork" in mp.get_all_start_methods() and threading.active_count() == 1 else "spawn"
    pool = ProcessPoolExecutor(max_workers=workers, mp_context=mp.get_context(method))
    try:
        futures = {pool.submit(_run_shard, spec, out_dir): spec for spec in todo}
        for fut in as_completed(futures):
            try:
                yield fut.result()
            except BrokenProcessPool:
                yield _failed(futures[fut], "a worker process died (out of memory?); run again to redo this shard")
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _on_dask(client, todo: list[ShardSpec], out_dir: str) -> Iterator[ShardResult]:
    """Shards as Dask tasks (each worker reads its input and writes its part), results as they finish."""
    from distributed import as_completed

    if not todo:
        return
    futures = client.map(_run_shard, todo, out_dir=out_dir, pure=False)
    specs = dict(zip((f.key for f in futures), todo, strict=True))
    try:
        for fut in as_completed(futures, loop=client.loop):
            try:
                yield fut.result()
            except Exception as exc:  # the task itself failed (e.g. its worker died too often)
                yield _failed(specs[fut.key], f"the Dask task failed ({type(exc).__name__}: {exc})")
    finally:
        client.cancel(futures)


# ---------------------------------------------------------------- parts -> store


def part_paths(parts_dir: str | os.PathLike, *, allow_missing: bool = False) -> list[pathlib.Path]:
    """The parts of DIR in shard order: those its plan names, or every part file when it has no plan.

    Raises CorpusError when parts of the plan are missing (unless allow_missing) or there are none."""
    out = pathlib.Path(parts_dir)
    if not out.is_dir():
        raise CorpusError(f"{out}: no such directory")
    manifest = _read_manifest(out)
    if manifest is not None:
        paths = [out / name for name in manifest.get("parts", [])]
        missing = [p.name for p in paths if not p.exists()]
        if missing and not allow_missing:
            raise CorpusError(
                f"{out}: {len(missing)} of {len(paths)} parts are missing ({missing[0]}, ...): the extraction did "
                "not finish; run it again, or load what is there with --allow-missing"
            )
        paths = [p for p in paths if p.exists()]
    else:
        paths = sorted(p for p in out.iterdir() if PART_RE.match(p.name))
    if not paths:
        raise CorpusError(f"{out}: no parts (part-NNNNN-of-NNNNN.KEY.parquet) to load")
    return paths


def read_part(path: str | os.PathLike):
    """One part as an events table (lists as Python lists); CorpusError when it is not an events part."""
    import pyarrow.parquet as pq

    try:
        table = pq.read_table(path)
    except Exception as exc:
        raise CorpusError(f"{path}: not a readable Parquet part ({exc})") from None
    if table.schema.names != list(EVENT_COLUMNS):
        raise CorpusError(f"{path}: its columns are not the events table's (core.schema.EVENT_COLUMNS)")
    table = table.cast(PART_SCHEMA)
    frame = table.to_pandas()
    for name, (dtype, _) in EVENT_COLUMNS.items():
        if name in LIST_COLUMNS:
            frame[name] = frame[name].map(lambda v: [] if v is None else list(v))
        else:  # "string" is pandas' StringDtype with NA, not the "str" that Arrow strings become
            frame[name] = frame[name].astype(dtype)
    return frame


def load_parts(store, parts_dir: str | os.PathLike, *, allow_missing: bool = False, batch_rows: int = BATCH_ROWS):
    """Add the events of DIR's parts to an EventStore in shard order, in writes of about batch_rows rows.

    Returns the store's AddSummary. Each write is atomic and the store skips reports it already holds,
    so loading again (or after an interrupted load) adds nothing twice."""
    import pandas as pd

    from store import AddSummary

    summary = AddSummary()
    batch: list = []
    rows = 0
    for path in part_paths(parts_dir, allow_missing=allow_missing):
        frame = read_part(path)
        if len(frame):
            batch.append(frame)
            rows += len(frame)
        if rows >= batch_rows:
            summary.extend(store.add_events(pd.concat(batch, ignore_index=True), origin="extracted"))
            batch, rows = [], 0
    if batch:
        summary.extend(store.add_events(pd.concat(batch, ignore_index=True), origin="extracted"))
    return summary


# ---------------------------------------------------------------- the command (from service/cli_events.py)


def run_sharded_command(args) -> int:
    """`python -m extract events PATH... --out-dir DIR [--shards N] [--scheduler ADDRESS]`.

    Prints rejected inputs and failed shards on standard error, then the summary line on standard output.
    Exit status: 0 when every shard is done or was finished before, 1 when some failed, 2 when the run
    could not start."""
    if not args.out_dir:
        print("error: --shards and --scheduler go with --out-dir DIR (the directory of Parquet parts)", file=sys.stderr)
        return 2
    if args.output or args.format != "jsonl":
        print("error: --out-dir writes Parquet parts; leave out -o and --format", file=sys.stderr)
        return 2
    show = sys.stderr.isatty()

    def progress(result: ShardResult, done: int, total: int) -> None:
        if show:
            print(f"\rshards {done}/{total}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    summary = extract_corpus(
        args.paths,
        args.out_dir,
        n_shards=args.shards,
        scheduler=args.scheduler,
        workers=args.workers,
        published=args.published,
        progress=progress,
    )
    for source, problem in summary.rejected[:SHOWN]:
        print(f"rejected: {source}: {problem}", file=sys.stderr)
    if len(summary.rejected) > SHOWN:
        print(f"rejected: ... and {len(summary.rejected) - SHOWN} more", file=sys.stderr)
    failed = [r for r in summary.results if r.status == "failed"]
    for r in failed[:SHOWN]:
        print(f"failed: {r.name}: {r.error}", file=sys.stderr)
    if len(failed) > SHOWN:
        print(f"failed: ... and {len(failed) - SHOWN} more", file=sys.stderr)
    print(summary.line())
    return 1 if failed else 0


__all__ = [
    "PART_SCHEMA",
    "CorpusError",
    "Plan",
    "RunSummary",
    "ShardResult",
    "ShardSpec",
    "extract_corpus",
    "extract_shard",
    "load_parts",
    "part_paths",
    "plan_shards",
    "read_part",
    "run_sharded_command",
]
