# A stand-in for the SUT's HTTP contract on 127.0.0.1, for recording the Artillery fixtures (record-artillery-fixtures.sh).
import json, sys, uuid, random, time
from http.server import ThreadingHTTPServer, BaseHTTPRequestHandler
payments = {}
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True
    def log_message(self, *a): pass
    def send(self, code, body):
        data = json.dumps(body).encode()
        self.send_response(code); self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data))); self.end_headers(); self.wfile.write(data)
    def do_GET(self):
        time.sleep(random.uniform(0.001, 0.004))
        if self.path == "/health": return self.send(200, {"status": "ok"})
        if self.path == "/analytics/summary": return self.send(200, {"payments": len(payments)})
        if self.path.startswith("/payments/"):
            pid = self.path.split("/")[2]
            return self.send(200, payments[pid]) if pid in payments else self.send(404, {"title": "not found"})
        self.send(404, {"title": "not found"})
    def do_POST(self):
        body = json.loads(self.rfile.read(int(self.headers.get("Content-Length", 0))) or b"{}")
        time.sleep(random.uniform(0.001, 0.006))
        if self.path == "/payments":
            pid = uuid.uuid4().hex; payments[pid] = {"id": pid, **body}
            return self.send(202, {"id": pid, "status": "queued"})
        if self.path == "/notifications": return self.send(202, {"id": uuid.uuid4().hex})
        self.send(404, {"title": "not found"})
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
