using Microsoft.Playwright;

namespace DMarketAspire.IntegrationTests.Infrastructure;

/// <summary>Debian's Chromium for the browser tests; Playwright's own browser download cannot work here.</summary>
public static class Chromium
{
    private const string ExecutablePath = "/usr/bin/chromium";

    // Without the networking switches Chromium keeps trying to reach the internet.
    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    public static void AssertInstalled() =>
        Assert.True(File.Exists(ExecutablePath), $"This test needs Debian's Chromium at {ExecutablePath} (apt-get install -y chromium; .ci/run installs it).");

    public static Task<IBrowser> LaunchAsync(IPlaywright playwright) =>
        playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExecutablePath, Headless = true, Args = Arguments });
}
