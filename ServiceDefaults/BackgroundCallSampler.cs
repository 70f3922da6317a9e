using System.Diagnostics;
using OpenTelemetry.Trace;

namespace Microsoft.Extensions.Hosting;

// Project addition: a client call (HTTP, PostgreSQL, Redis) that no request or operation made is left out of traces: a
// worker's poll, the rate limiter's Redis round trip, a DMarket call between two scans. Each was a trace of its own
// (about 12,000 a minute on a 20,000-offer market, Benchmarks/traces.sh), so the dashboard's newest 2,000 lasted seconds. Calls made inside a request or an
// operation span (a scan, a Telegram update, a notification, an autopilot decision) stay in that trace. It decides
// roots only (ParentBasedSampler): a dropped call's traceparent says "not sampled", so the service it calls leaves its
// side out as well.
internal sealed class BackgroundCallSampler : Sampler
{
    private static readonly SamplingResult Drop = new(SamplingDecision.Drop);
    private static readonly SamplingResult Keep = new(SamplingDecision.RecordAndSample);

    public override SamplingResult ShouldSample(in SamplingParameters samplingParameters) =>
        samplingParameters.Kind == ActivityKind.Client ? Drop : Keep;
}
