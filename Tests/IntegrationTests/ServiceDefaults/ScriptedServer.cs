using System.Collections.Concurrent;
using System.Diagnostics;
using DMarketAspire.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace DMarketAspire.IntegrationTests.ServiceDefaults;

/// <summary>
/// A real HTTP server that answers each request to /scripted with the next scripted response (the last one
/// repeats) and records when each request arrived.
/// </summary>
public sealed class ScriptedServer : IAsyncDisposable
{
    private readonly ConcurrentQueue<Func<HttpContext, Task>> _script;
    private readonly Func<HttpContext, Task> _last;
    private readonly ConcurrentQueue<TimeSpan> _arrivals = new();
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private TestWebServer? _server;

    private ScriptedServer(Func<HttpContext, Task>[] script)
    {
        _script = new ConcurrentQueue<Func<HttpContext, Task>>(script);
        _last = script[^1];
    }

    public Uri Address => new(_server!.BaseAddress, "/scripted");

    public int RequestCount => _arrivals.Count;

    public TimeSpan[] Arrivals => [.. _arrivals];

    public static async Task<ScriptedServer> StartAsync(params Func<HttpContext, Task>[] script)
    {
        var scripted = new ScriptedServer(script);
        scripted._server = await TestWebServer.StartAsync(app => app.Map("/scripted", scripted.HandleAsync));
        return scripted;
    }

    public static Func<HttpContext, Task> Status(int statusCode, string? retryAfter = null) => context =>
    {
        context.Response.StatusCode = statusCode;
        if (retryAfter is not null)
        {
            context.Response.Headers.RetryAfter = retryAfter;
        }

        return Task.CompletedTask;
    };

    public static Func<HttpContext, Task> Delay(TimeSpan delay, int statusCode = StatusCodes.Status200OK) => async context =>
    {
        try
        {
            await Task.Delay(delay, context.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        context.Response.StatusCode = statusCode;
    };

    public ValueTask DisposeAsync() => _server?.DisposeAsync() ?? ValueTask.CompletedTask;

    private Task HandleAsync(HttpContext context)
    {
        _arrivals.Enqueue(_clock.Elapsed);
        return (_script.TryDequeue(out var next) ? next : _last)(context);
    }
}
