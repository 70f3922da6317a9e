using System.Reflection;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Aspire.Hosting.Testing;

/// <summary>
/// Aspire.Hosting.Testing's entry point: runs the AppHost's Program.cs up to <c>Build()</c> with test settings
/// (random ports, no terminal output, a scratch data folder removed on dispose), then lets the test build and start it.
/// </summary>
public static class DistributedApplicationTestingBuilder
{
    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(CancellationToken cancellationToken = default) where TEntryPoint : class =>
        CreateAsync<TEntryPoint>([], cancellationToken);

    public static Task<IDistributedApplicationTestingBuilder> CreateAsync<TEntryPoint>(string[] args, CancellationToken cancellationToken = default) where TEntryPoint : class
    {
        cancellationToken.ThrowIfCancellationRequested();
        var assembly = AppHostAssembly(typeof(TEntryPoint));
        var entryPoint = assembly.EntryPoint ?? throw new InvalidOperationException($"'{assembly.GetName().Name}' has no entry point.");
        var dataDirectory = Directory.CreateTempSubdirectory("apphost-test-").FullName;
        if (!OperatingSystem.IsWindows())
        {
            // PostgreSQL runs as the postgres user under root and must reach its cluster inside.
            File.SetUnixFileMode(dataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
        }

        var hook = new TestingHook(options =>
        {
            options.Assembly = assembly;
            options.EnableConsoleReporter = false;
            options.RandomizePorts = true;
            options.DataDirectory = dataDirectory;
            options.DeleteDataDirectoryOnDispose = true;
            options.Args = [.. options.Args, "--environment=Development"];
        });

        using (TestingHook.Activate(hook))
        {
            try
            {
                entryPoint.Invoke(null, entryPoint.GetParameters().Length == 0 ? [] : [args]);
            }
            catch (TargetInvocationException exception) when (exception.InnerException is TestingHook.BuilderCapturedException)
            {
            }
        }

        var builder = hook.Captured ?? throw new InvalidOperationException($"'{assembly.GetName().Name}' never called Build() on a DistributedApplication builder.");
        return Task.FromResult<IDistributedApplicationTestingBuilder>(new TestingBuilder(builder));
    }

    /// <summary>The AppHost assembly: the one <c>Projects.X</c> metadata points at, or the type's own.</summary>
    private static Assembly AppHostAssembly(Type entryPoint) =>
        typeof(IProjectMetadata).IsAssignableFrom(entryPoint) && Activator.CreateInstance(entryPoint) is IProjectMetadata metadata
            ? Assembly.Load(new AssemblyName(Path.GetFileNameWithoutExtension(metadata.ProjectPath)))
            : entryPoint.Assembly;

    private sealed class TestingBuilder(DistributedApplicationBuilder inner) : IDistributedApplicationTestingBuilder
    {
        public ConfigurationManager Configuration => inner.Configuration;

        public IHostEnvironment Environment => inner.Environment;

        public IServiceCollection Services => inner.Services;

        public DistributedApplicationExecutionContext ExecutionContext => inner.ExecutionContext;

        public string AppHostDirectory => inner.AppHostDirectory;

        public IList<IResource> Resources => inner.Resources;

        public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource => inner.AddResource(resource);

        public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => inner.CreateResourceBuilder(resource);

        public DistributedApplication Build() => inner.BuildApplication();

        public Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default) => Task.FromResult(inner.BuildApplication());

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

public interface IDistributedApplicationTestingBuilder : IDistributedApplicationBuilder, IAsyncDisposable
{
    Task<DistributedApplication> BuildAsync(CancellationToken cancellationToken = default);
}
