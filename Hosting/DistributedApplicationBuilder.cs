using System.Reflection;
using System.Text.RegularExpressions;
using Aspire.Hosting.ApplicationModel;
using Aspire.Hosting.ConsoleReporting;
using Aspire.Hosting.Orchestration;
using Aspire.Hosting.Publishing;
using Aspire.Hosting.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

public sealed class DistributedApplicationBuilder : IDistributedApplicationBuilder
{
    /// <summary>Aspire's command-line switches: <c>--publisher manifest --output-path aspire-manifest.json</c>.</summary>
    private static readonly Dictionary<string, string> SwitchMappings = new(StringComparer.OrdinalIgnoreCase)
    {
        ["--publisher"] = "Publishing:Publisher",
        ["--output-path"] = "Publishing:OutputPath",
    };

    private readonly HostApplicationBuilder _host;
    private readonly List<IResource> _resources = [];

    public DistributedApplicationBuilder(DistributedApplicationOptions options)
    {
        Options = options;
        var assembly = options.Assembly ?? Assembly.GetEntryAssembly();
        AppHostDirectory = assembly?.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == "apphostprojectpath")?.Value
            ?? AppContext.BaseDirectory;
        _host = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings
        {
            Args = options.Args,
            ApplicationName = assembly?.GetName().Name,
            ContentRootPath = AppHostDirectory,
        });
        _host.Configuration.AddCommandLine(options.Args, SwitchMappings);
        ExecutionContext = new DistributedApplicationExecutionContext(
            string.Equals(_host.Configuration["Publishing:Publisher"], "manifest", StringComparison.OrdinalIgnoreCase)
                ? DistributedApplicationOperation.Publish
                : DistributedApplicationOperation.Run);
        DataDirectory = Path.GetFullPath(options.DataDirectory ?? _host.Configuration["AppHost:DataDirectory"] ?? Path.Combine(AppHostDirectory, ".data"), AppHostDirectory);
        ParameterStore = new ParameterStore(DataDirectory);
        options.RandomizePorts |= string.Equals(_host.Configuration["AppHost:RandomizePorts"], "true", StringComparison.OrdinalIgnoreCase);
        _host.Logging.AddFilter("Microsoft", LogLevel.Warning).AddSimpleConsole(o => o.SingleLine = true);
    }

    public ConfigurationManager Configuration => _host.Configuration;

    public IHostEnvironment Environment => _host.Environment;

    public IServiceCollection Services => _host.Services;

    public DistributedApplicationExecutionContext ExecutionContext { get; }

    public string AppHostDirectory { get; }

    public IList<IResource> Resources => _resources;

    /// <summary>Local data: PostgreSQL clusters kept with <c>WithDataVolume()</c> and generated passwords.</summary>
    public string DataDirectory { get; }

    internal DistributedApplicationOptions Options { get; }

    internal ParameterStore ParameterStore { get; }

    public IResourceBuilder<T> AddResource<T>(T resource) where T : IResource
    {
        if (!ValidName().IsMatch(resource.Name))
        {
            throw new ArgumentException(
                $"Resource name '{resource.Name}' is invalid: use 1 to 64 ASCII letters, digits and single hyphens, starting with a letter.", nameof(resource));
        }

        if (_resources.FirstOrDefault(r => string.Equals(r.Name, resource.Name, StringComparison.OrdinalIgnoreCase)) is { } existing)
        {
            throw new DistributedApplicationException(
                $"Cannot add resource of type '{resource.GetType().Name}' with name '{resource.Name}' because a resource of type '{existing.GetType().Name}' with that name already exists.");
        }

        _resources.Add(resource);
        return CreateResourceBuilder(resource);
    }

    public IResourceBuilder<T> CreateResourceBuilder<T>(T resource) where T : IResource => new ResourceBuilder<T>(this, resource);

    public DistributedApplication Build()
    {
        // Under the testing builder, Program.cs stops here: the test adjusts the model, then builds it itself.
        TestingHook.CaptureIfActive(this);
        return BuildApplication();
    }

    internal DistributedApplication BuildApplication()
    {
        var model = new DistributedApplicationModel(_resources);
        var paths = new AppHostPaths(AppHostDirectory, DataDirectory);
        Services.AddSingleton(model);
        Services.AddSingleton(paths);
        Services.AddSingleton(Options);
        Services.AddSingleton(ExecutionContext);
        Services.AddSingleton<ResourceNotificationService>();
        Services.AddSingleton<ResourceLoggerService>();
        Services.AddSingleton<EnvironmentResolver>();
        Services.AddHealthChecks();
        Services.AddOptions<OrchestratorOptions>()
            .BindConfiguration(OrchestratorOptions.SectionName)
            .Validate(o => o.StopTimeout > TimeSpan.Zero && o.UnhealthyCheckStep > TimeSpan.Zero && o.UnhealthyCheckMaxDelay >= o.UnhealthyCheckStep
                && o.HealthyCheckInterval > TimeSpan.Zero && o.HealthCheckTimeout > TimeSpan.Zero && o.PostgresMaxConnections > 0,
                "AppHost: timeouts and intervals must be positive, UnhealthyCheckMaxDelay at least UnhealthyCheckStep, PostgresMaxConnections above 0.")
            .ValidateOnStart();
        // Every resource gets its stop timeout, one dependency level after another.
        Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromMinutes(2));

        if (ExecutionContext.IsPublishMode)
        {
            Services.AddSingleton(new ResourceCommandService(() => null));
            Services.AddHostedService<ManifestPublisher>();
        }
        else
        {
            if (Options.EnableConsoleReporter)
            {
                // Registered before the orchestrator so it stops after it and prints the final states.
                Services.AddHostedService<ConsoleReporter>();
            }

            Services.AddSingleton<Orchestrator>();
            Services.AddHostedService(sp => sp.GetRequiredService<Orchestrator>());
            Services.AddSingleton(sp => new ResourceCommandService(sp.GetRequiredService<Orchestrator>));
        }

        return new DistributedApplication(_host.Build(), Options.DataDirectory is not null && Options.DeleteDataDirectoryOnDispose ? DataDirectory : null);
    }

    // A plain Regex, not [GeneratedRegex]: coverlet cannot instrument an assembly with generated sources here.
    private static readonly Regex ValidNamePattern = new("^[A-Za-z](?!.*--)[A-Za-z0-9-]{0,63}(?<!-)$", RegexOptions.Compiled | RegexOptions.CultureInvariant);

    private static Regex ValidName() => ValidNamePattern;
}
