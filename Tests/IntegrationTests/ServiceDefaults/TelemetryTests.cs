using DMarketAspire.IntegrationTests.Infrastructure;
using DMarketAspire.IntegrationTests.Otlp;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace DMarketAspire.IntegrationTests.ServiceDefaults;

public sealed class TelemetryTests
{
    private static readonly TimeSpan ExportTimeout = TimeSpan.FromSeconds(20);

    private static Task<TestWebServer> StartServiceAsync(Uri otlpEndpoint, string serviceName) =>
        TestWebServer.StartAsync(
            app =>
            {
                app.MapDefaultEndpoints();
                app.MapGet("/quote", () => "1250");
                app.MapGet("/price/{title}", async (string title, IHttpClientFactory clients, ILogger<TelemetryTests> logger, HttpContext context) =>
                {
                    logger.LogInformation("Pricing {Title}", title);
                    var self = new Uri($"{context.Request.Scheme}://{context.Request.Host}/quote");
                    return await clients.CreateClient("quotes").GetStringAsync(self);
                });
            },
            builder =>
            {
                builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlpEndpoint.ToString();
                builder.Configuration["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf";
                builder.Configuration["OTEL_SERVICE_NAME"] = serviceName;
                builder.Configuration["OTEL_BSP_SCHEDULE_DELAY"] = "100";
                builder.Configuration["OTEL_BLRP_SCHEDULE_DELAY"] = "100";
                builder.Configuration["OTEL_METRIC_EXPORT_INTERVAL"] = "200";
                builder.Logging.SetMinimumLevel(LogLevel.Information);
                builder.AddServiceDefaults();
            });

    [Fact]
    public async Task RequestsExportServerAndClientSpansLogsAndMetricsOverOtlpHttp()
    {
        // Every tracer provider in this process listens to every source, so this test finds its own spans by a unique path.
        var title = $"AK-47-{Guid.NewGuid():N}";
        var path = $"/price/{title}";
        await using var receiver = await OtlpReceiver.StartAsync();
        await using (var service = await StartServiceAsync(receiver.Endpoint, "scanner-under-test"))
        {
            using var client = service.CreateClient();
            // This test's own calls are a user's, not the service's: untraced, they carry no "not sampled" traceparent
            // (the service's tracer provider listens to every HttpClient of this process and drops a call made outside any
            // operation, BackgroundCallTraceTests).
            using (OpenTelemetry.SuppressInstrumentationScope.Begin())
            {
                Assert.Equal("1250", await client.GetStringAsync(path, TestContext.Current.CancellationToken));
                await client.GetStringAsync("/health", TestContext.Current.CancellationToken);
            }

            await WaitUntil(() => receiver.Spans().Any(s => s.Span.Attributes.Get("url.path") == path && s.Span.Kind == Span.Types.SpanKind.Server)
                && receiver.LogRecords().Any(l => l.Attributes.Get("Title") == title)
                && receiver.MetricsBatches > 0);
            // One more export interval, so a probe span (if it were recorded) would have arrived too.
            await Task.Delay(TimeSpan.FromMilliseconds(300), TestContext.Current.CancellationToken);
        }

        var spans = receiver.Spans().ToList();
        var dump = string.Join(Environment.NewLine, spans.Select(s => $"{s.Span.Kind} {s.Span.Name} {s.Span.Attributes.Get("url.path") ?? s.Span.Attributes.Get("url.full")}"));
        var server = spans.Select(s => s.Span).First(s => s.Kind == Span.Types.SpanKind.Server && s.Attributes.Get("url.path") == path);

        // ASP.NET Core 10 adds the creation tags (with its AppContext switch off); ServiceDefaults adds the end tags.
        Assert.Equal("GET", server.Attributes.Get("http.request.method"));
        Assert.Equal("/price/{title}", server.Attributes.Get("http.route"));
        Assert.Equal("200", server.Attributes.Get("http.response.status_code"));
        Assert.Equal("GET /price/{title}", server.Name);

        // The outgoing call made while handling the request is a child span in the same trace.
        Assert.Contains(spans, s => s.Span.Kind == Span.Types.SpanKind.Client
            && s.Span.TraceId == server.TraceId
            && s.Span.ParentSpanId == server.SpanId
            && s.Span.Attributes.Get("url.full")?.EndsWith("/quote", StringComparison.Ordinal) == true);
        Assert.Equal("scanner-under-test", receiver.ResourceSpans[0].Resource.Attributes.Get("service.name"));

        // The log written while handling the request carries its trace id and the structured argument.
        var log = receiver.LogRecords().First(l => l.Attributes.Get("Title") == title);
        Assert.Equal(server.TraceId, log.TraceId);

        // Probes are left out of traces.
        Assert.False(spans.Any(s => s.Span.Attributes.Get("url.path") is "/health" or "/alive"), dump);
    }

    [Fact]
    public async Task NothingIsExportedWithoutAnEndpoint()
    {
        await using var receiver = await OtlpReceiver.StartAsync();
        await using var service = await TestWebServer.StartAsync(app => app.MapGet("/", () => "ok"), builder => builder.AddServiceDefaults());

        await service.CreateClient().GetStringAsync("/", TestContext.Current.CancellationToken);

        Assert.Null(service.Services.GetService<OpenTelemetry.Exporter.OtlpExporterOptions>());
        Assert.Empty(receiver.Spans());
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
