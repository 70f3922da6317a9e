"""Shared by the benchmark scripts' Python parts: HTTP to the simulators and the Api, the default blacklist as the
engine matches it, finding a planted listing among the Api's opportunities, and percentiles."""
import json
import re
import time
import urllib.error
import urllib.request
from datetime import datetime


def get(url):
    # The Api paces each client (Api:PermitsPerSecond); a script polling for many listings at once may meet it.
    for attempt in range(20):
        try:
            with urllib.request.urlopen(url, timeout=30) as r:
                return json.load(r)
        except urllib.error.HTTPError as e:
            if e.code != 429 or attempt == 19:
                raise
            time.sleep(float(e.headers.get("Retry-After") or 0.5))


def post(url, body=None):
    data = json.dumps(body).encode() if body is not None else b""
    req = urllib.request.Request(url, data=data, method="POST", headers={"Content-Type": "application/json"})
    with urllib.request.urlopen(req, timeout=30) as r:
        text = r.read()
        return json.loads(text) if text else None


# The default blacklist (Pricing:BlacklistWords) as the engine matches it: whole words of a title's type part.
_BLACKLIST = [w.split() for w in ["sticker", "graffiti", "case", "key", "pin", "patch", "music kit", "capsule", "pass"]]


def blacklisted(title):
    words = re.split(r"[ ()\-'™★]+", title.split("|")[0].lower())
    return any(words[i:i + len(p)] == p for p in _BLACKLIST for i in range(len(words)))


def price_under_bid(c):
    """Under the title's best buy order after the fee: an instant resale."""
    return int(c["bestBuyOrderCents"] * 0.9 * 0.75) if c.get("bestBuyOrderCents") else 0


def visible(api, game, offer_id, planted_at):
    """Whether the Api shows the offer: newest first, paged back to what was found before the plant."""
    return shown(api, game, offer_id, planted_at) is not None


def shown(api, game, offer_id, planted_at):
    """The Api's opportunity for the offer (newest first, paged back to what was found before the plant), or None."""
    cursor = None
    while True:
        page = get(f"{api}/api/opportunities?game={game}&status=all&sort=newest&limit=100" + (f"&cursor={cursor}" if cursor else ""))
        found = next((o for o in page["items"] if o["offerId"] == offer_id), None)
        if found is not None:
            return found
        cursor = page.get("nextCursor")
        if not cursor or not page["items"] or datetime.fromisoformat(page["items"][-1]["firstSeenAt"]).timestamp() < planted_at - 2:
            return None


def pct(values, q):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def pss_split(pid):
    """A .NET process's PSS in MB by what holds it, from /proc/<pid>/smaps. With W^X (the runtime's default) the
    runtime reserves every loader heap through its double-mapped memfd: the executable views hold JIT'd code and stubs,
    the others the type system's data (method tables, method descriptors, precode data)."""
    kinds = {}
    kind = None
    with open(f"/proc/{pid}/smaps") as f:
        for line in f:
            head = re.match(r"^[0-9a-f]+-[0-9a-f]+ (\S+) \S+ \S+ \S+\s*(.*)$", line)
            if head:
                perms, name = head.group(1), head.group(2).strip()
                if "doublemapper" in name:
                    kind = "code" if "x" in perms else "runtime data"
                elif name in ("", "[heap]"):
                    kind = "GC heap and native"
                elif name.endswith(".dll"):
                    kind = "assemblies"
                elif ".so" in name:
                    kind = "native libraries"
                else:
                    kind = "other"
            elif line.startswith("Pss:"):
                kinds[kind] = kinds.get(kind, 0) + int(line.split()[1])
    return {k: v // 1024 for k, v in kinds.items()}
