using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class TradeEntityTypeConfiguration : IEntityTypeConfiguration<Trade>
{
    public void Configure(EntityTypeBuilder<Trade> builder)
    {
        builder.ToTable("trades");
        builder.Property(t => t.OfferId).HasMaxLength(128);
        builder.Property(t => t.AssetId).HasMaxLength(128);
        builder.Property(t => t.GameId).HasMaxLength(16);
        builder.Property(t => t.Title).HasMaxLength(512);
        builder.HasOne<BotUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Position>().WithMany().HasForeignKey(t => t.PositionId).OnDelete(DeleteBehavior.SetNull);

        // A sale is recorded (and told) once, however many syncs read it.
        builder.HasIndex(t => new { t.UserId, t.OfferId }).IsUnique();
        builder.HasIndex(t => new { t.UserId, t.ClosedAt });
    }
}
