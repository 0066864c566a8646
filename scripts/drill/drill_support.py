"""Shared machinery of the reliability drills in scripts/drill (Python 3 standard library only).

A drill starts its own throwaway PostgreSQL cluster (scripts/local-postgres, cluster `drill`),
runs release servers of the service on 127.0.0.1, drives a bounded HTTP load that records every
command it sends, breaks something, and then checks the event log and the read models against
what the service acknowledged. Each drill prints its figures and exits 1 when a check fails.
Everything it started (servers, cluster) is removed whatever the outcome.

Environment: CUSTOMERS_BIN (the binary, default .build/release/customers), DRILL_PG_PORT
(54349), DRILL_TIMEOUT (seconds a drill may take at most, 300).
"""
import base64
import collections
import glob
import hashlib
import hmac
import http.server
import http.client
import json
import os
import random
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
import traceback
import uuid

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
BIN = os.path.join(ROOT, os.environ.get("CUSTOMERS_BIN", ".build/release/customers"))
LOCAL_POSTGRES = os.path.join(ROOT, "scripts", "local-postgres")
CLUSTER = "drill"
PG_PORT = int(os.environ.get("DRILL_PG_PORT", "54349"))
HOST = "127.0.0.1"
THREADS = 32
SCOPES = "customers:write,customers:read,reviews:write,audit:read,admin"
# The login role the drill servers connect as (a member of customers_service only).
SERVICE_LOGIN = "customers_drill"
ACTIVITY = "customer_activity"


class DrillFailure(Exception):
    """Stops a drill at once (a precondition failed); ordinary checks only record a failure."""


def is_ack(status):
    return status is not None and 200 <= status < 300


def is_refusal(status):
    """A definite answer that the command did nothing (4xx). 5xx and no answer are unknown."""
    return status is not None and 400 <= status < 500


# --- the drill: figures, checks, clean-up ---------------------------------------------------

class Drill:
    def __init__(self, name):
        self.name = name
        self.started = time.monotonic()
        self.failures = []
        self.figures = []
        self.servers = []
        self.cluster_started = False
        self.url = None
        self.service_url = None
        self.secret = secrets.token_hex(24)
        self.master_key = base64.b64encode(os.urandom(32)).decode()
        self.workdir = tempfile.mkdtemp(prefix=f"drill-{name}-")

    # output
    def log(self, message):
        print(f"[{self.name} {time.monotonic() - self.started:6.1f}s] {message}", flush=True)

    def figure(self, name, value):
        self.figures.append((name, value))
        self.log(f"FIGURE {name}: {value}")

    def check(self, condition, message):
        if not condition:
            self.failures.append(message)
            self.log(f"CHECK FAILED: {message}")
        return condition

    # environment of the binary
    def env(self, **extra):
        env = dict(os.environ)
        for name in ("CUSTOMERS_API_KEYS_FILE", "CUSTOMERS_MASTER_KEY_FILE", "CUSTOMERS_DATABASE_ROLE"):
            env.pop(name, None)
        env.update(
            DATABASE_URL=self.url,
            CUSTOMERS_API_KEYS=f"drill:{self.secret}:{SCOPES}",
            CUSTOMERS_MASTER_KEY=self.master_key,
            # The drills' webhook receivers listen on 127.0.0.1.
            CUSTOMERS_WEBHOOK_ALLOWED_HOSTS=HOST)
        env.update(extra)
        return env

    def customers(self, *args, timeout=180):
        """Runs the CLI; returns (exit code, output)."""
        result = subprocess.run(
            [BIN, *args], env=self.env(), stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT, text=True, timeout=timeout)
        return result.returncode, result.stdout

    # PostgreSQL
    def start_cluster(self, fresh=False):
        """Starts the drill's cluster with durability on (fsync, synchronous commit)."""
        if fresh:
            destroy_cluster()
        env = dict(os.environ)
        env.pop("LOCAL_POSTGRES_FAST", None)
        self.cluster_started = True
        result = subprocess.run(
            [LOCAL_POSTGRES, "start", CLUSTER, str(PG_PORT)], env=env, stdin=subprocess.DEVNULL,
            capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise DrillFailure(f"local-postgres start failed: {result.stderr.strip()}")
        self.url = result.stdout.strip().splitlines()[-1]
        return self.url

    def stop_cluster(self):
        """Fast shutdown: sessions are ended, the server checkpoints and stops."""
        result = subprocess.run([LOCAL_POSTGRES, "stop", CLUSTER], stdin=subprocess.DEVNULL,
                                capture_output=True, text=True, timeout=120)
        if result.returncode != 0:
            raise DrillFailure(f"local-postgres stop failed: {result.stderr.strip()}")

    def crash_cluster(self):
        """Immediate shutdown: every PostgreSQL process quits at once, without a checkpoint, as
        when the database server crashes; the next start recovers from the WAL."""
        data = os.path.join(ROOT, ".data", CLUSTER, "pgdata")
        command = [os.path.join(pg_bindir(), "pg_ctl"), "-D", os.path.realpath(data), "-m", "immediate", "-w", "stop"]
        if os.getuid() == 0:
            command = ["runuser", "-u", "postgres", "--", *command]
        result = subprocess.run(command, cwd="/", stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=60)
        if result.returncode != 0:
            raise DrillFailure(f"pg_ctl stop -m immediate failed: {result.stderr.strip()}")

    def sql(self, query, timeout=60):
        """Rows of a query as a list of dicts (one snapshot: one statement)."""
        text = psql(self.url, f"SELECT coalesce(json_agg(q), '[]'::json) FROM ({query}) q", timeout)
        return json.loads(text)

    def sql_value(self, query, timeout=60):
        return json.loads(psql(self.url, f"SELECT to_json(({query}))", timeout))

    # servers
    def server(self, name, port):
        server = Server(self, name, port)
        self.servers.append(server)
        return server

    def migrate(self):
        """Migrates as the owner and makes the service's login role; servers log in as it."""
        code, output = self.customers("migrate", "--service-login", SERVICE_LOGIN, "--print-service-url")
        if code != 0:
            raise DrillFailure(f"customers migrate failed: {output.strip()}")
        self.service_url = output.strip().splitlines()[-1]

    def cleanup(self):
        for server in self.servers:
            server.kill_if_running()
        if self.cluster_started:
            destroy_cluster()

    def report(self):
        elapsed = time.monotonic() - self.started
        print(f"--- drill {self.name}: {elapsed:.1f}s", flush=True)
        for name, value in self.figures:
            print(f"    {name}: {value}")
        if self.failures:
            print(f"    FAILED ({len(self.failures)} check(s)):")
            for failure in self.failures[:40]:
                print(f"      - {failure}")
            if len(self.failures) > 40:
                print(f"      … and {len(self.failures) - 40} more")
            print(f"    server logs: {self.workdir}")
        else:
            print("    PASS")
            shutil.rmtree(self.workdir, ignore_errors=True)
        sys.stdout.flush()


def run(name, body):
    """Runs `body(drill)` bounded by DRILL_TIMEOUT, cleans up, reports, exits 0 or 1."""
    drill = Drill(name)
    limit = float(os.environ.get("DRILL_TIMEOUT", "300"))

    def on_signal(number, _frame):
        raise SystemExit(f"signal {number}")

    def on_alarm(_number, _frame):
        raise DrillFailure(f"the drill took longer than {limit:.0f}s")

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, limit)
    try:
        body(drill)
    except DrillFailure as failure:
        drill.check(False, str(failure))
    except BaseException as error:  # an unexpected error, Ctrl-C or SIGTERM: still clean up
        drill.check(False, f"drill aborted: {error!r}\n{traceback.format_exc()}")
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        drill.cleanup()
    drill.report()
    sys.exit(1 if drill.failures else 0)


def pg_bindir():
    dirs = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda d: [int(p) for p in re.findall(r"\d+", d)])
    if not dirs:
        raise DrillFailure("no PostgreSQL server installed (run scripts/install-dependencies)")
    return dirs[-1]


def psql_path():
    return shutil.which("psql") or os.path.join(pg_bindir(), "psql")


def psql(url, statement, timeout=60):
    env = dict(os.environ, PGCONNECT_TIMEOUT="5", PGAPPNAME="drill-check")
    result = subprocess.run(
        [psql_path(), "-X", "-q", "-At", "-v", "ON_ERROR_STOP=1", "-d", url, "-c", statement],
        env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
    if result.returncode != 0:
        raise DrillFailure(f"psql failed: {result.stderr.strip()} (statement: {statement[:200]})")
    return result.stdout.strip()


def destroy_cluster():
    subprocess.run([LOCAL_POSTGRES, "destroy", CLUSTER], stdin=subprocess.DEVNULL,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)


def port_in_use(port):
    with socket.socket() as probe:
        probe.settimeout(0.5)
        return probe.connect_ex((HOST, port)) == 0


# --- servers ----------------------------------------------------------------------------------

class Server:
    def __init__(self, drill, name, port):
        self.drill, self.name, self.port = drill, name, port
        self.process = None
        self.log_path = os.path.join(drill.workdir, f"{name}.log")

    def start(self, ready_timeout=30):
        if port_in_use(self.port):
            raise DrillFailure(f"port {self.port} is already in use on {HOST}")
        log = open(self.log_path, "a")
        log.write(f"--- start {time.strftime('%H:%M:%S')}\n")
        log.flush()
        # As deployed: the server logs in as the service's login role, a member of
        # customers_service only, which `migrate` sets up.
        if self.drill.service_url is None:
            raise DrillFailure("the drill starts servers after migrate, which makes their login role")
        self.process = subprocess.Popen(
            # Drills measure what the service does under load: no rate limit in the way.
            [BIN, "serve", "--host", HOST, "--port", str(self.port), "--rate-limit-read", "0", "--rate-limit-write", "0"],
            env=self.drill.env(DATABASE_URL=self.drill.service_url),
            stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
        log.close()
        return self.wait_ready(ready_timeout)

    def wait_ready(self, timeout=30):
        """Seconds until GET /readyz answers 200."""
        started = time.monotonic()
        client = Client(self.port, self.drill.secret, timeout=2)
        try:
            while time.monotonic() - started < timeout:
                if self.process is not None and self.process.poll() is not None:
                    raise DrillFailure(f"server {self.name} exited with {self.process.returncode}; log: {self.log_path}")
                if client.request("GET", "/readyz", auth=False).status == 200:
                    return time.monotonic() - started
                time.sleep(0.05)
        finally:
            client.close()
        raise DrillFailure(f"server {self.name} not ready within {timeout}s; log: {self.log_path}")

    def kill(self, sig=signal.SIGKILL, timeout=20):
        """Sends `sig` and waits for the process to end; returns seconds it took."""
        started = time.monotonic()
        self.process.send_signal(sig)
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.drill.check(False, f"server {self.name} still running {timeout}s after signal {int(sig)}")
            self.process.kill()
            self.process.wait()
        return time.monotonic() - started

    def kill_if_running(self):
        if self.process is not None and self.process.poll() is None:
            self.process.kill()
            self.process.wait()

    def metrics(self):
        """{(name, labels): value} from GET /metrics (the drill's key has admin, which metrics
        need), or None when it does not answer."""
        client = Client(self.port, self.drill.secret, timeout=3)
        response = client.request("GET", "/metrics")
        client.close()
        if response.status != 200:
            return None
        values = {}
        for line in response.body.decode().splitlines():
            match = re.match(r"^([a-zA-Z_:][a-zA-Z0-9_:]*)(\{[^}]*\})?\s+(\S+)", line)
            if match and not line.startswith("#"):
                values[(match.group(1), match.group(2) or "")] = float(match.group(3))
        return values

    def lag(self):
        """(projector_lag_events, projector_lag_seconds) of customer_activity on /metrics."""
        values = self.metrics() or {}
        label = f'{{projector="{ACTIVITY}"}}'
        return values.get(("projector_lag_events", label)), values.get(("projector_lag_seconds", label))


# --- webhooks ---------------------------------------------------------------------------------

class WebhookReceiver:
    """A receiver on 127.0.0.1 that checks every Standard Webhooks signature (as an integrator
    must) and records each delivery: (webhook-id, arrival time, signature valid, body)."""

    def __init__(self, port, answer=lambda: 200):
        self.port, self.answer = port, answer
        self.secret = None
        self.deliveries = []
        self.lock = threading.Lock()
        receiver = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keeps connections open, as receivers in production do

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
                arrived = time.time()
                valid = receiver.verify(self.headers.get("webhook-id", ""), self.headers.get("webhook-timestamp", ""),
                                        self.headers.get("webhook-signature", ""), body)
                with receiver.lock:
                    receiver.deliveries.append((self.headers.get("webhook-id", ""), arrived, valid, body))
                status = receiver.answer()
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        class Server(http.server.ThreadingHTTPServer):
            request_queue_size = 128  # the default 5 drops connections a busy sender opens at once

        self.server = Server((HOST, port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self):
        return f"http://{HOST}:{self.port}/hook"

    def start(self):
        self.thread.start()
        return self

    def stop(self):
        self.server.shutdown()
        self.server.server_close()

    def sign(self, webhook_id, timestamp, body):
        """`v1,` + base64 of HMAC-SHA256 of `id.timestamp.body` under the secret's bytes."""
        key = base64.b64decode(self.secret[len("whsec_"):])
        return "v1," + base64.b64encode(hmac.new(key, f"{webhook_id}.{timestamp}.".encode() + body, hashlib.sha256).digest()).decode()

    def verify(self, webhook_id, timestamp, header, body):
        """A signature of ours among the header's, and a fresh timestamp."""
        if not self.secret or not timestamp.isdigit() or abs(time.time() - int(timestamp)) > 300:
            return False
        expected = self.sign(webhook_id, timestamp, body)
        return any(hmac.compare_digest(part, expected) for part in header.split(" "))

    def received(self):
        with self.lock:
            return list(self.deliveries)


def notification_id(transaction_id, global_position):
    """`event_` + the log position in hex, as the service names a notification."""
    return f"event_{int(transaction_id):016x}{int(global_position):016x}"


# --- HTTP -------------------------------------------------------------------------------------

class Response:
    __slots__ = ("status", "body", "elapsed", "error")

    def __init__(self, status, body, elapsed, error=None):
        self.status, self.body, self.elapsed, self.error = status, body, elapsed, error

    def json(self):
        try:
            return json.loads(self.body)
        except (ValueError, TypeError):
            return None


class Client:
    """One keep-alive HTTP/1.1 connection; reconnects after any failure, never retries."""

    def __init__(self, port, secret, timeout=10):
        self.port, self.secret, self.timeout = port, secret, timeout
        self.connection = None
        self.content_type = None

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None

    def request(self, method, path, body=None, content_type=None, request_id=None, auth=True):
        headers = {}
        if auth:
            headers["Authorization"] = f"Bearer {self.secret}"
        if request_id:
            headers["X-Request-Id"] = request_id
            if method in ("POST", "PATCH"):
                headers["Idempotency-Key"] = request_id
        if body is not None:
            headers["Content-Type"] = content_type or "application/json"
            if isinstance(body, (dict, list)):
                body = json.dumps(body)
        started = time.monotonic()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(HOST, self.port, timeout=self.timeout)
            self.connection.request(method, path, body=body, headers=headers)
            answer = self.connection.getresponse()
            data = answer.read()
            self.content_type = answer.getheader("Content-Type")
            if answer.getheader("Connection", "").lower() == "close":
                self.close()
            return Response(answer.status, data, time.monotonic() - started)
        except (OSError, http.client.HTTPException) as error:
            self.close()
            return Response(None, b"", time.monotonic() - started, error=type(error).__name__)


def individual(email, line1):
    return {
        "type": "individual", "email": email, "phone": "+14155550123",
        "address": {"line1": line1, "city": "Chicago", "state": "IL", "postalCode": "60606", "country": "USA"},
        "personalInformation": {"firstName": "Drill", "lastName": "Customer", "dateOfBirth": "1990-04-12"},
    }


def address_update(line1):
    return {"address": {"line1": line1, "city": "Chicago", "state": "IL", "postalCode": "60606", "country": "USA"}}


def document_upload(customer, request_id):
    boundary = "drill" + secrets.token_hex(12)
    pdf = f"%PDF-1.4\n% drill {request_id}\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".encode()
    parts = []
    for name, value in (("targetId", customer), ("target", "customer"), ("documentType", "passport"), ("country", "USA")):
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; filename="passport.pdf"\r\n'
        f"Content-Type: application/pdf\r\n\r\n".encode() + pdf + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), f"multipart/form-data; boundary={boundary}"


# --- load ---------------------------------------------------------------------------------------

class Command:
    """One command sent: what, to whom, the answer. `line1` is the address line it sets."""
    __slots__ = ("kind", "request_id", "port", "customer", "line1", "document", "status", "code",
                 "content_type", "started", "ended", "error")

    def __init__(self, kind, port, customer=None, line1=None):
        self.kind, self.port, self.customer, self.line1 = kind, port, customer, line1
        self.request_id = str(uuid.uuid4())
        self.document = self.status = self.code = self.content_type = self.error = None
        self.started = self.ended = 0.0


class Load:
    """`threads` clients sending commands until stopped (at most `seconds`).

    mode "own": each client creates its customers, then updates their address and uploads
    passports (70/30), a new customer every 6 commands.
    mode "shared": each client updates the address of one of `shared` customers at random,
    through ports[client % len(ports)].
    rate: at most this many commands per second in all (each client paced to its share), or
    as fast as the server answers.
    """

    def __init__(self, drill, ports, threads=THREADS, seconds=12.0, mode="own", shared=None, pause_on_failure=0.05, rate=None):
        self.drill, self.ports, self.threads, self.seconds = drill, list(ports), threads, seconds
        self.interval = threads / rate if rate else 0.0
        self.mode, self.shared, self.pause_on_failure = mode, shared or [], pause_on_failure
        self.commands = []
        self.stopping = threading.Event()
        self.workers = []
        self.lock = threading.Lock()

    def start(self):
        self.began = time.monotonic()
        for index in range(self.threads):
            worker = threading.Thread(target=self._work, args=(index,), daemon=True)
            worker.start()
            self.workers.append(worker)
        return self

    def stop(self):
        self.stopping.set()
        for worker in self.workers:
            worker.join(30)
        return self.commands

    def wait(self):
        """Until the load's time is up."""
        remaining = self.seconds - (time.monotonic() - self.began)
        if remaining > 0:
            time.sleep(remaining)
        return self.stop()

    def ports_for(self, index):
        return self.ports[index % len(self.ports)]

    def seconds_to_ack(self, since, timeout=10.0):
        """Waits for the first command acknowledged after `since`; seconds from `since` to its
        answer, or None after `timeout`."""
        while time.monotonic() - since < timeout:
            first = self.acknowledged_since(since)
            if first is not None:
                return first.ended - since
            time.sleep(0.05)
        return None

    def _record(self, command):
        with self.lock:
            self.commands.append(command)
        if not is_ack(command.status) and not self.stopping.is_set():
            time.sleep(self.pause_on_failure)
        return command

    def acknowledged_since(self, moment):
        """The first command acknowledged after `moment` (by the time its answer came), or None."""
        with self.lock:
            done = [c for c in self.commands if is_ack(c.status) and c.ended >= moment]
        return min(done, key=lambda c: c.ended, default=None)

    def _work(self, index):
        port = self.ports_for(index)
        client = Client(port, self.drill.secret)
        rng = random.Random(index * 7919 + time.time_ns())
        mine, since_create = [], 0
        deadline = self.began + self.seconds
        next_at = self.began + rng.random() * self.interval
        while not self.stopping.is_set() and time.monotonic() < deadline:
            if self.interval:
                time.sleep(max(0.0, next_at - time.monotonic()))
                next_at += self.interval
            if self.mode == "shared":
                self._record(update_customer(client, port, rng.choice(self.shared), "Shared St"))
            elif not mine or since_create >= 6:
                command = self._record(create_customer(client, port))
                if command.customer:
                    mine.append(command.customer)
                    since_create = 0
            else:
                since_create += 1
                customer = rng.choice(mine[-3:])
                if rng.random() < 0.7:
                    self._record(update_customer(client, port, customer))
                else:
                    self._record(upload_document(client, port, customer))
        client.close()


def send(client, command, method, path, body=None, content_type=None):
    """Sends one command and records its answer in `command`."""
    command.started = time.monotonic()
    response = client.request(method, path, body, content_type, request_id=command.request_id)
    command.ended = time.monotonic()
    command.status, command.error = response.status, response.error
    command.content_type = client.content_type if response.status is not None else None
    answer = response.json() if response.status is not None else None
    if isinstance(answer, dict):
        command.code = answer.get("code")
        if is_ack(response.status) and command.kind == "create":
            command.customer = answer.get("id")
        if is_ack(response.status) and command.kind == "upload":
            command.document = answer.get("id")
    return response


def create_customer(client, port):
    command = Command("create", port, line1=f"1 Created Ave {uuid.uuid4().hex[:12]}")
    send(client, command, "POST", "/v2/customer", individual(f"drill.{uuid.uuid4().hex}@example.com", command.line1))
    return command


def update_customer(client, port, customer, street="Update Rd"):
    command = Command("update", port, customer, f"{random.randrange(1, 9999)} {street} {uuid.uuid4().hex[:12]}")
    send(client, command, "PATCH", f"/v2/customer/{customer}", address_update(command.line1))
    return command


def upload_document(client, port, customer):
    command = Command("upload", port, customer)
    body, content_type = document_upload(customer, command.request_id)
    send(client, command, "POST", "/v2/document", body, content_type)
    return command


def summarize(commands):
    """'2xx=… 503=… …' counts by status ('none' = no answer)."""
    counts = collections.Counter("none" if c.status is None else str(c.status) for c in commands)
    return " ".join(f"{k}={v}" for k, v in sorted(counts.items()))


# --- checks -----------------------------------------------------------------------------------

EXPECTED_EVENT = {"create": "IndividualCustomerCreated", "update": "IndividualCustomerUpdated", "upload": "DocumentUploaded"}


def check_log(drill, commands):
    """Every acknowledged command is in the log, once, in one transaction, in its stream; no
    refused command wrote anything; streams, read-model rows and documents agree with the log.
    Returns (acknowledged, found, differences)."""
    events = drill.sql(
        "SELECT metadata->>'requestId' AS r, stream_id AS s, event_type AS t, transaction_id::text AS x, "
        "CASE WHEN event_type = 'DocumentUploaded' THEN data->>'documentId' END AS d FROM events")
    by_request = collections.defaultdict(list)
    for event in events:
        by_request[event["r"]].append(event)
    differences = 0

    def differ(message):
        nonlocal differences
        differences += 1
        if differences <= 20:
            drill.log(f"DIFFERENCE: {message}")

    acknowledged = [c for c in commands if is_ack(c.status)]
    found = 0
    for command in acknowledged:
        logged = by_request.get(command.request_id, [])
        if not logged:
            differ(f"acknowledged {command.kind} {command.request_id} ({command.status}, sent at "
                   f"{command.started - drill.started:.2f}s, answered at {command.ended - drill.started:.2f}s) is not in the log")
            continue
        streams = {e["s"] for e in logged}
        ok = True
        if command.customer and streams != {command.customer}:
            differ(f"{command.kind} {command.request_id} for {command.customer} logged in streams {sorted(streams)}")
            ok = False
        if len({e["x"] for e in logged}) != 1:
            differ(f"{command.kind} {command.request_id} logged by more than one transaction")
            ok = False
        types = [e["t"] for e in logged]
        if types.count(EXPECTED_EVENT[command.kind]) != 1:
            differ(f"{command.kind} {command.request_id} logged as {types}")
            ok = False
        if command.kind == "upload" and command.document not in {e["d"] for e in logged}:
            differ(f"upload {command.request_id}: document {command.document} not in its event")
            ok = False
        found += ok
    for command in commands:
        if is_refusal(command.status) and command.request_id in by_request:
            differ(f"refused {command.kind} {command.request_id} ({command.status} {command.code}) wrote events")

    checks = {
        "stream whose version is not its events' max version and count": """
            SELECT coalesce(s.stream_id, e.stream_id) AS id FROM streams s
            FULL JOIN (SELECT stream_id, max(stream_version) AS top, count(*) AS n FROM events GROUP BY stream_id) e
              ON e.stream_id = s.stream_id
            WHERE s.version IS DISTINCT FROM e.top OR s.version IS DISTINCT FROM e.n""",
        "customer stream without a customers row at its version": r"""
            SELECT s.stream_id AS id FROM streams s LEFT JOIN customers c ON c.id = s.stream_id
            WHERE s.stream_id LIKE 'customer\_%' AND c.stream_version IS DISTINCT FROM s.version""",
        "customers row without a stream": """
            SELECT c.id FROM customers c WHERE NOT EXISTS (SELECT 1 FROM streams s WHERE s.stream_id = c.id)""",
        "uploaded document without a documents row": """
            SELECT e.data->>'documentId' AS id FROM events e WHERE e.event_type = 'DocumentUploaded'
              AND NOT EXISTS (SELECT 1 FROM documents d WHERE d.id = e.data->>'documentId')""",
        "documents row without an upload event": """
            SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM events e
              WHERE e.event_type = 'DocumentUploaded' AND e.data->>'documentId' = d.id)""",
        "document without its sealed bytes": """
            SELECT d.id FROM documents d WHERE NOT EXISTS (SELECT 1 FROM document_files f WHERE f.document_id = d.id)""",
    }
    for what, query in checks.items():
        for row in drill.sql(query):
            differ(f"{what}: {row['id']}")
    keys = {row["k"] for row in drill.sql("SELECT idempotency_key AS k FROM command_log WHERE actor = 'drill'")}
    for command in acknowledged:
        if command.request_id not in keys:
            differ(f"acknowledged {command.kind} {command.request_id} has no idempotency record")
    return len(acknowledged), found, differences


def acceptable_lines(commands):
    """Per customer, the address lines its read model may show: the last acknowledged one, or
    one set by a later command whose outcome is unknown (no answer, 5xx)."""
    per_customer = collections.defaultdict(list)
    for command in sorted(commands, key=lambda c: c.started):
        if command.customer and command.line1 and command.kind in ("create", "update") and not is_refusal(command.status):
            per_customer[command.customer].append(command)
    acceptable = {}
    for customer, sent in per_customer.items():
        last = max((i for i, c in enumerate(sent) if is_ack(c.status)), default=None)
        if last is None:
            continue
        acceptable[customer] = {c.line1 for i, c in enumerate(sent) if i == last or (i > last and not is_ack(c.status))}
    return acceptable


def check_read_models(drill, commands, port, clients=8):
    """GET /v2/customer/{id} of every acknowledged customer shows at least the acknowledged
    state. Returns the number of differences."""
    acceptable = acceptable_lines(commands)
    customers = list(acceptable)
    differences = []
    lock = threading.Lock()

    def reader(offset):
        client = Client(port, drill.secret, timeout=10)
        for customer in customers[offset::clients]:
            response = client.request("GET", f"/v2/customer/{customer}", request_id=str(uuid.uuid4()))
            view = response.json() if response.status == 200 else None
            line = ((view or {}).get("address") or {}).get("line1")
            if line not in acceptable[customer]:
                with lock:
                    differences.append(f"GET {customer}: status {response.status}, line1 {line!r}, "
                                       f"expected one of {sorted(acceptable[customer])}")
        client.close()

    threads = [threading.Thread(target=reader, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for difference in differences[:20]:
        drill.log(f"DIFFERENCE: {difference}")
    return len(customers), len(differences)


def verify_projections(drill):
    """`customers projections verify`: clean when it exits 0 and every projection reports
    "0 rows differ"."""
    started = time.monotonic()
    code, output = drill.customers("projections", "verify")
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    verdicts = [line for line in lines if "rows differ" in line or "rows not rebuilt" in line]
    clean = code == 0 and bool(verdicts) and all(line.endswith(": 0 rows differ") for line in verdicts)
    drill.figure("projections verify", f"exit {code}: {'; '.join(verdicts) or 'no verdict'} ({time.monotonic() - started:.1f}s)")
    if not clean:
        drill.log("verify output:\n" + "\n".join(lines[-30:]))
    return drill.check(clean, f"customers projections verify is not clean (exit {code})")


def activity_state(drill):
    """One snapshot: events in the log, the customer_activity checkpoint, and the projector's
    counts against the log's, per UTC day and event type."""
    return drill.sql_value(r"""
        SELECT json_build_object(
          'total', (SELECT count(*) FROM events),
          'applied', (SELECT events_applied FROM projector_checkpoints WHERE projector = 'customer_activity'),
          'failure', (SELECT failure FROM projector_checkpoints WHERE projector = 'customer_activity'),
          'expected', (SELECT coalesce(json_object_agg(k, n), '{}') FROM (
              SELECT to_char(recorded_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') || ' ' || event_type AS k, count(*) AS n
              FROM events WHERE stream_id LIKE 'customer\_%' GROUP BY 1) x),
          'actual', (SELECT coalesce(json_object_agg(day::text || ' ' || event_type, events), '{}') FROM customer_activity))""")


def activity_over_counts(state):
    """Keys the projector counted more often than the log holds events: double effects."""
    return {k: (v, state["expected"].get(k, 0)) for k, v in state["actual"].items() if v > state["expected"].get(k, 0)}


def wait_activity_caught_up(drill, timeout=10.0, interval=0.1):
    """Polls until the customer_activity checkpoint has applied every event in the log. Returns
    seconds waited, or None after `timeout` (the last state is checked either way)."""
    started = time.monotonic()
    while True:
        state = activity_state(drill)
        over = activity_over_counts(state)
        drill.check(not over, f"customer_activity counted events twice: {over}")
        drill.check(state["failure"] is None, f"customer_activity is parked: {state['failure']}")
        if over or state["failure"]:
            return None
        if state["applied"] == state["total"]:
            waited = time.monotonic() - started
            drill.check(state["actual"] == state["expected"],
                        f"customer_activity differs from the log: {state['actual']} != {state['expected']}")
            return waited
        if time.monotonic() - started > timeout:
            drill.check(False, f"customer_activity not caught up after {timeout}s: "
                               f"{state['applied']} of {state['total']} events applied")
            return None
        time.sleep(interval)


def full_check(drill, commands, port, read_back=None):
    """The acknowledged-vs-found check, the read models through the API (of the customers of
    `read_back`, default `commands`: each customer's commands must have been sent one after
    the other), the async projector and `projections verify`; prints the figures."""
    acknowledged, found, differences = check_log(drill, commands)
    read, read_differences = check_read_models(drill, commands if read_back is None else read_back, port)
    waited = wait_activity_caught_up(drill)
    drill.figure("commands acknowledged", acknowledged)
    drill.figure("commands found", found)
    drill.figure("customers read back", read)
    drill.figure("differences", differences + read_differences)
    drill.check(acknowledged > 0, "no command was acknowledged")
    drill.check(found == acknowledged, f"{acknowledged - found} acknowledged command(s) missing from the log")
    drill.check(differences + read_differences == 0, f"{differences + read_differences} difference(s) between acknowledgements, log and read models")
    if waited is not None:
        drill.figure("customer_activity caught up after load", f"{waited:.2f}s")
    verify_projections(drill)
