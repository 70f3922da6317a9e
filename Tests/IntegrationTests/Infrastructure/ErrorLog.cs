using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace DMarketAspire.IntegrationTests.Infrastructure;

/// <summary>Collects every log line of Error level or worse (and every line, for the secret and token checks).</summary>
public sealed class ErrorLog : ILoggerProvider
{
    private readonly ConcurrentQueue<string> _errors = new();
    private readonly ConcurrentQueue<string> _all = new();

    public IReadOnlyCollection<string> Errors => _errors;

    public IReadOnlyCollection<string> All => _all;

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

    public void Dispose()
    {
    }

    private sealed class Logger(ErrorLog log, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information && !category.StartsWith("StackExchange", StringComparison.Ordinal);

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var line = $"{logLevel} {category}: {formatter(state, exception)}{(exception is null ? "" : " " + exception)}";
            log._all.Enqueue(line);
            if (logLevel >= LogLevel.Error)
            {
                log._errors.Enqueue(line);
            }
        }
    }
}
