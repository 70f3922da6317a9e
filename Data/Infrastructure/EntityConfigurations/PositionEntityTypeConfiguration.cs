using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class PositionEntityTypeConfiguration : IEntityTypeConfiguration<Position>
{
    public void Configure(EntityTypeBuilder<Position> builder)
    {
        builder.ToTable("positions");
        builder.Property(p => p.AssetId).HasMaxLength(128);
        builder.Property(p => p.GameId).HasMaxLength(16);
        builder.Property(p => p.Title).HasMaxLength(512);
        builder.Property(p => p.CostSource).HasConversion<string>().HasMaxLength(16);
        builder.Property(p => p.OfferId).HasMaxLength(128);
        builder.HasOne<BotUser>().WithMany().HasForeignKey(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Buy>().WithMany().HasForeignKey(p => p.BuyId).OnDelete(DeleteBehavior.SetNull);

        // One row per asset a user holds, however many syncs and reconciliations see it.
        builder.HasIndex(p => new { p.UserId, p.AssetId }).IsUnique();
        builder.HasIndex(p => new { p.UserId, p.GoneAt, p.AcquiredAt });
        // The repricer's read: listings that follow the best offer.
        builder.HasIndex(p => new { p.Repricing, p.OfferId });
    }
}
