using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;

namespace DMarketAspire.UnitTests.LocalResources;

/// <summary>
/// The hosting extension's choice, in small app models: what runs where (containers or local binaries). Running them
/// for real (a cluster kept across runs, its password, nothing left behind) is the AppHost tests' part.
/// </summary>
public sealed class LocalResourcesTests
{
    [Theory]
    [InlineData("none", true)]
    [InlineData("docker", false)]
    [InlineData("podman", false)]
    public void TheSettingDecidesWhetherPostgresAndRedisRunAsContainersOrExecutables(string setting, bool executables)
    {
        // Nothing runs here, so a plain scratch folder will do (no postgres user needs to enter it).
        var data = Directory.CreateTempSubdirectory("apphost-data-").FullName;
        try
        {
            var builder = DistributedApplication.CreateBuilder([$"--AppHost:ContainerRuntime={setting}", $"--AppHost:DataDirectory={data}"]);
            var postgres = builder.AddPostgres("pg").RunAsExecutableWithoutContainerRuntime();
            postgres.AddDatabase("notes");
            builder.AddRedis("kv").RunAsExecutableWithoutContainerRuntime();

            var pg = builder.Resources.Single(r => r.Name == "pg");
            var kv = builder.Resources.Single(r => r.Name == "kv");
            Assert.Equal(executables, pg is LocalPostgresServerResource);
            Assert.Equal(executables, kv is LocalRedisResource);
            Assert.Equal(!executables, pg is ContainerResource && kv is ContainerResource);
            Assert.IsType<PostgresDatabaseResource>(builder.Resources.Single(r => r.Name == "notes"));
        }
        finally
        {
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void AnUnknownSettingSaysWhatWouldWork()
    {
        var builder = DistributedApplication.CreateBuilder(["--AppHost:ContainerRuntime=lxc"]);

        var error = Assert.Throws<DistributedApplicationException>(() => builder.AddRedis("kv").RunAsExecutableWithoutContainerRuntime());

        Assert.Contains("AppHost:ContainerRuntime is 'lxc'", error.Message);
        Assert.Contains("auto (the default), none, docker or podman", error.Message);
    }

    [Fact]
    public void PublishModeKeepsAspiresContainers()
    {
        var builder = DistributedApplication.CreateBuilder(["--publisher", "manifest", "--output-path", Path.Combine(Path.GetTempPath(), "unused.json"), "--AppHost:ContainerRuntime=none"]);

        builder.AddPostgres("pg").RunAsExecutableWithoutContainerRuntime();
        builder.AddRedis("kv").RunAsExecutableWithoutContainerRuntime();

        Assert.IsType<PostgresServerResource>(builder.Resources.Single(r => r.Name == "pg"));
        Assert.IsType<RedisResource>(builder.Resources.Single(r => r.Name == "kv"));
    }
}
