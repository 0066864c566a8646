"""Reads the measurement lines of scripts/bench/all (`name key=value …`) from stdin and prints
the table of ratios: each target of the service, what was measured, its goal, met or not."""

import sys


def parse(lines):
    found = {}
    for line in lines:
        words = line.split()
        if not words:
            continue
        fields = dict(word.split("=", 1) for word in words[1:] if "=" in word)
        key = words[0] + (f"@{fields['connections']}" if "connections" in fields else "")
        found[key] = fields
    return found


def number(fields, key):
    return float(fields[key])


def rows(m):
    out = []

    def row(target, measured, goal, met):
        out.append((target, measured, goal, "met" if met else "NOT met"))

    for c in (16, 64):
        create, append = m[f"create@{c}"], m[f"append@{c}"]
        requests, events = number(create, "requests"), number(append, "events")
        service_us = number(create, "service_s") / requests * 1e6
        postgres_us = number(create, "postgres_s") / requests * 1e6
        append_us = number(append, "postgres_s") / events * 1e6
        row(f"1 service CPU per create / PostgreSQL CPU per create ({c} conn)",
            f"{service_us:.0f} µs / {postgres_us:.0f} µs = {service_us / postgres_us:.2f}", "≤ 0.5",
            service_us / postgres_us <= 0.5)
        row(f"1 PostgreSQL CPU per create / per raw append ({c} conn)",
            f"{postgres_us:.0f} µs / {append_us:.0f} µs = {postgres_us / append_us:.2f}", "≤ 4",
            postgres_us / append_us <= 4)
        raw = number(m[f"append_vs_insert@{c}"], "store_events_per_s")
        rate = number(create, "requests_per_s")
        row(f"2 create rate / raw one-event append rate ({c} conn)",
            f"{rate:.0f} / {raw:.0f} = {rate / raw:.2f}", "≥ 0.25", rate / raw >= 0.25)
    create = m["create@64"]
    p50, p99 = number(create, "p50_ms"), number(create, "p99_ms")
    row("2 create p99 / p50 (64 conn)", f"{p99:.1f} ms / {p50:.1f} ms = {p99 / p50:.1f}", "≤ 3", p99 / p50 <= 3)
    get = m["get@64"]
    ratio = number(get, "requests_per_s") / number(create, "requests_per_s")
    row("3 GET customer rate / create rate (64 conn)",
        f"{number(get, 'requests_per_s'):.0f} / {number(create, 'requests_per_s'):.0f} = {ratio:.1f}", "≥ 8", ratio >= 8)
    p50, p99 = number(get, "p50_ms"), number(get, "p99_ms")
    row("3 GET p99 / p50 (64 conn)", f"{p99:.1f} ms / {p50:.1f} ms = {p99 / p50:.1f}", "≤ 3", p99 / p50 <= 3)
    rebuild = m["rebuild"]
    row("4 rebuild / raw streaming read",
        f"{number(rebuild, 'events_per_s'):.0f} / {number(rebuild, 'raw_read_events_per_s'):.0f} events/s"
        f" = {number(rebuild, 'ratio'):.3f}", "≥ 0.3", number(rebuild, "ratio") >= 0.3)
    travel = m["time_travel"]
    out.append(("4 time travel, 1,000-event stream", f"p50 {travel['p50_ms']} ms, p99 {travel['p99_ms']} ms",
                "no slower than before", "compare"))
    for c in (16, 64):
        ratio = number(m[f"append_vs_insert@{c}"], "ratio")
        row(f"5 one-event append / raw INSERT ({c} writers)", f"{ratio:.2f}", "≥ 0.9", ratio >= 0.9)
    rss_mb = number(m["create@64"], "rss_kb") / 1024
    row("6 service RSS at 64 connections", f"{rss_mb:.0f} MB", "≤ 150 MB", rss_mb <= 150)
    samples = [int(s) for s in m["soak"].get("rss_kb_samples", "").split(",") if s]
    if samples:
        drift = (max(samples) - min(samples)) / samples[0]
        row(f"6 RSS over a {m['soak']['seconds']} s create soak",
            f"{min(samples) / 1024:.0f}–{max(samples) / 1024:.0f} MB ({drift:.0%})", "±10%", drift <= 0.10)
    page, travel_api = m["console_page@16"], m["console_travel@16"]
    ratio = number(page, "requests_per_s") / number(travel_api, "requests_per_s")
    out.append((f"7 console customer page / API time travel, {page['events']}-event stream (16 conn)",
                f"{number(page, 'requests_per_s'):.0f} / {number(travel_api, 'requests_per_s'):.0f} pages/s = {ratio:.2f}"
                f"; p50 {page['p50_ms']} ms / {travel_api['p50_ms']} ms", "report", "compare"))
    for c in (16, 64):
        chain = m.get(f"chain@{c}")
        if chain:
            cost = float(chain["chain_cost"].rstrip("%"))
            row(f"8 hash chain's cost on one-event appends ({c} writers)",
                f"{chain['chained_events_per_s']} / {chain['unchained_events_per_s']} events/s: {cost:.1f}%", "≤ 10%", cost <= 10)
    return out


def refusals(m):
    """Phases where a request failed: their rates measure errors, not the service."""
    return [f"{key}: {fields['non2xx']} non-2xx, {fields['errors']} socket errors" for key, fields in m.items()
            if int(fields.get("non2xx", 0)) or int(fields.get("errors", 0))]


def main():
    measured = parse(sys.stdin)
    for problem in refusals(measured):
        print(f"warning: {problem}")
    table = rows(measured)
    headers = ("target", "measured", "goal", "")
    widths = [max(len(str(r[i])) for r in table + [headers]) for i in range(4)]
    for r in [headers, tuple("-" * w for w in widths)] + table:
        print("| " + " | ".join(str(v).ljust(w) for v, w in zip(r, widths)) + " |")


main()
