using System.Buffers.Binary;
using DMarketAspire.BotService.Items;

namespace DMarketAspire.UnitTests.BotService;

public sealed class ItemChartTests
{
    [Fact]
    public void TheChartIsAPngOfTheRequestedSize()
    {
        var now = DateTimeOffset.UtcNow;
        var report = new ItemReport(1, "rust", "Tempered AK47", 1200, 3, 1000, 2, now,
            [(now.AddDays(-3), 1100L), (now.AddDays(-1), 1150L)], [(now.AddDays(-2), 1250L, 990L), (now, 1200L, 1000L)], 1.5m, null, 10m);

        var png = ItemChart.Render(report);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        // IHDR: width and height, big-endian, right after the signature and the chunk header.
        Assert.Equal(800, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16, 4)));
        Assert.Equal(450, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20, 4)));
        Assert.True(png.Length > 10_000, $"a {png.Length}-byte PNG is too small to hold a chart");
    }
}
