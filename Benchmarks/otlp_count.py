"""An OTLP/HTTP (protobuf) receiver that counts what it is sent: spans and root spans per instrumentation scope, and
distinct traces. Writes the running totals, with a timestamp, to a JSON-lines file after each export.

    python3 Benchmarks/otlp_count.py <port> <out.jsonl>
"""
import collections, http.server, json, sys, threading, time

port, out = int(sys.argv[1]), sys.argv[2]
scopes = collections.defaultdict(lambda: [0, 0])  # scope -> [spans, roots]
traces = set()
lock = threading.Lock()


def varint(buf, i):
    result = shift = 0
    while True:
        b = buf[i]
        i += 1
        result |= (b & 0x7F) << shift
        shift += 7
        if b < 0x80:
            return result, i


def fields(buf):
    """(field number, value) of a protobuf message; length-delimited values as bytes."""
    i = 0
    while i < len(buf):
        key, i = varint(buf, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = varint(buf, i)
        elif wire == 1:
            value, i = buf[i:i + 8], i + 8
        elif wire == 5:
            value, i = buf[i:i + 4], i + 4
        elif wire == 2:
            n, i = varint(buf, i)
            value, i = buf[i:i + n], i + n
        else:
            raise ValueError(f"wire type {wire}")
        yield number, value


def count(body):
    # ExportTraceServiceRequest.resource_spans(1) -> ResourceSpans.scope_spans(2) -> ScopeSpans.scope(1).name(1), spans(2)
    # -> Span.trace_id(1), parent_span_id(4).
    for number, resource_spans in fields(body):
        if number != 1:
            continue
        for number, scope_spans in fields(resource_spans):
            if number != 2:
                continue
            name, spans = "?", []
            for n, value in fields(scope_spans):
                if n == 1:
                    name = dict(fields(value)).get(1, b"?").decode()
                elif n == 2:
                    spans.append(dict(fields(value)))
            for span in spans:
                scopes[name][0] += 1
                if not span.get(4):
                    scopes[name][1] += 1
                    traces.add(span.get(1))


class Receiver(http.server.BaseHTTPRequestHandler):
    def log_message(self, *args):
        pass

    def do_POST(self):
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        if self.path.endswith("/v1/traces"):
            with lock:
                count(body)
                with open(out, "a") as f:
                    f.write(json.dumps({"at": time.time(), "traces": len(traces), "scopes": scopes}) + "\n")
        self.send_response(200)
        self.send_header("Content-Type", "application/x-protobuf")
        self.send_header("Content-Length", "0")
        self.end_headers()


http.server.ThreadingHTTPServer(("127.0.0.1", port), Receiver).serve_forever()
