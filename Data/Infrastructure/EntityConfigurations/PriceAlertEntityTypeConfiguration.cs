using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class PriceAlertEntityTypeConfiguration : IEntityTypeConfiguration<PriceAlert>
{
    public void Configure(EntityTypeBuilder<PriceAlert> builder)
    {
        builder.ToTable("price_alerts");
        builder.Property(a => a.GameId).HasMaxLength(16);
        builder.Property(a => a.Title).HasMaxLength(512);
        builder.Property(a => a.Direction).HasConversion<string>().HasMaxLength(8);
        builder.HasOne<BotUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Item>().WithMany().HasForeignKey(a => a.ItemId).OnDelete(DeleteBehavior.Cascade);
        // One alert per title, direction and threshold for a user, even for two requests at once; it also serves /alerts.
        builder.HasIndex(a => new { a.UserId, a.ItemId, a.Direction, a.ThresholdCents }).IsUnique();
        // The watcher's read: the alerts on the items whose price moved.
        builder.HasIndex(a => a.ItemId);
    }
}
