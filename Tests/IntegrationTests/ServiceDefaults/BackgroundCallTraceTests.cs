using System.Diagnostics;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.IntegrationTests.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace DMarketAspire.IntegrationTests.ServiceDefaults;

/// <summary>
/// A client call no request or operation made (a worker's poll, a rate limiter's Redis round trip) is no trace of its
/// own, on either side of the call; one made inside an operation span stays in that operation's trace.
/// </summary>
[Collection(ProcessWideTracingCollection.Name)]
public sealed class BackgroundCallTraceTests
{
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(20);
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task ACallOutsideAnyRequestOrOperationIsLeftOutOfTracesUnlessAskedFor(bool traceBackgroundCalls)
    {
        var background = $"background-{Guid.NewGuid():N}";
        var inside = $"inside-{Guid.NewGuid():N}";
        using var operations = new ActivitySource($"{Extensions.TelemetryPrefix}.Tests.Worker");
        await using var receiver = await OtlpReceiver.StartAsync();
        await using (var service = await TestWebServer.StartAsync(
            app => app.MapGet("/echo/{id}", (string id) => id),
            builder =>
            {
                builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = receiver.Endpoint.ToString();
                builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                builder.Configuration["OTEL_BSP_SCHEDULE_DELAY"] = "100";
                builder.Configuration[Extensions.TraceBackgroundCallsKey] = traceBackgroundCalls.ToString();
                builder.AddServiceDefaults();
            }))
        {
            var client = service.Services.GetRequiredService<IHttpClientFactory>().CreateClient("worker");

            // A worker's call: nothing around it.
            Activity.Current = null;
            Assert.Equal(background, await client.GetStringAsync(new Uri(service.BaseAddress, $"/echo/{background}"), Ct));

            // An operation's call.
            using (operations.StartActivity("an operation"))
            {
                Assert.Equal(inside, await client.GetStringAsync(new Uri(service.BaseAddress, $"/echo/{inside}"), Ct));
            }

            await WaitUntil(() => receiver.Spans().Any(s => s.Span.Name == "an operation")
                && receiver.Spans().Count(s => s.Span.Attributes.Get("url.path") == $"/echo/{inside}") >= 1);
            // A few more export intervals, so the background call's spans (if they were recorded) would have arrived too.
            await Task.Delay(TimeSpan.FromMilliseconds(500), Ct);
        }

        var spans = receiver.Spans().Select(s => s.Span).ToList();
        var dump = string.Join(Environment.NewLine, spans.Select(s => $"{s.Kind} {s.Name} {s.Attributes.Get("url.path") ?? s.Attributes.Get("url.full")}"));
        var operation = spans.Single(s => s.Name == "an operation");
        var call = spans.Single(s => s.Kind == Span.Types.SpanKind.Client && s.Attributes.Get("url.full")?.Contains(inside, StringComparison.Ordinal) == true);
        Assert.Equal((operation.TraceId, operation.SpanId), (call.TraceId, call.ParentSpanId));
        Assert.Contains(spans, s => s.Kind == Span.Types.SpanKind.Server && s.Attributes.Get("url.path") == $"/echo/{inside}" && s.TraceId == operation.TraceId);

        var backgroundSpans = spans.Where(s => (s.Attributes.Get("url.path") ?? s.Attributes.Get("url.full"))?.Contains(background, StringComparison.Ordinal) == true).ToList();
        if (traceBackgroundCalls)
        {
            Assert.True(backgroundSpans.Count == 2, $"expected the background call's client and server spans:{Environment.NewLine}{dump}");
        }
        else
        {
            Assert.True(backgroundSpans.Count == 0, $"the background call was traced:{Environment.NewLine}{dump}");
        }
    }

    private static async Task WaitUntil(Func<bool> condition)
    {
        using var timeout = new CancellationTokenSource(ExportTimeout);
        while (!condition())
        {
            await Task.Delay(50, timeout.Token);
        }
    }
}
