using System.Collections.Concurrent;
using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.IntegrationTests.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DMarketAspire.IntegrationTests.ServiceDefaults;

/// <summary>An OTLP/HTTP protobuf endpoint (<c>/v1/traces</c>, <c>/v1/logs</c>, <c>/v1/metrics</c>) that keeps what it receives.</summary>
public sealed class OtlpReceiver : IAsyncDisposable
{
    private readonly ConcurrentQueue<ResourceSpans> _spans = new();
    private readonly ConcurrentQueue<ResourceLogs> _logs = new();
    private TestWebServer? _server;

    public Uri Endpoint => _server!.BaseAddress;

    public IReadOnlyList<ResourceSpans> ResourceSpans => [.. _spans];

    public IReadOnlyList<ResourceLogs> ResourceLogs => [.. _logs];

    public int MetricsBatches { get; private set; }

    public static async Task<OtlpReceiver> StartAsync()
    {
        var receiver = new OtlpReceiver();
        receiver._server = await TestWebServer.StartAsync(app =>
        {
            app.MapPost("/v1/traces", async (HttpRequest request) =>
            {
                foreach (var spans in ExportTraceServiceRequest.Parser.ParseFrom(await ReadBody(request)).ResourceSpans)
                {
                    receiver._spans.Enqueue(spans);
                }

                return Results.Bytes([], "application/x-protobuf");
            });
            app.MapPost("/v1/logs", async (HttpRequest request) =>
            {
                foreach (var logs in ExportLogsServiceRequest.Parser.ParseFrom(await ReadBody(request)).ResourceLogs)
                {
                    receiver._logs.Enqueue(logs);
                }

                return Results.Bytes([], "application/x-protobuf");
            });
            app.MapPost("/v1/metrics", async (HttpRequest request) =>
            {
                await ReadBody(request);
                receiver.MetricsBatches++;
                return Results.Bytes([], "application/x-protobuf");
            });
        });
        return receiver;
    }

    public IEnumerable<(ResourceSpans Resource, Span Span)> Spans() =>
        ResourceSpans.SelectMany(r => r.ScopeSpans.SelectMany(s => s.Spans.Select(span => (r, span))));

    public IEnumerable<LogRecord> LogRecords() =>
        ResourceLogs.SelectMany(r => r.ScopeLogs.SelectMany(s => s.LogRecords));

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private static async Task<byte[]> ReadBody(HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        return buffer.ToArray();
    }
}
