using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class BuyEntityTypeConfiguration : IEntityTypeConfiguration<Buy>
{
    public void Configure(EntityTypeBuilder<Buy> builder)
    {
        builder.ToTable("buys");
        builder.Property(b => b.OfferId).HasMaxLength(128);
        builder.Property(b => b.AssetId).HasMaxLength(128);
        builder.Property(b => b.GameId).HasMaxLength(16);
        builder.Property(b => b.Title).HasMaxLength(512);
        builder.Property(b => b.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(b => b.Channel).HasMaxLength(16);
        builder.Property(b => b.RequestKey).HasMaxLength(128);
        builder.Property(b => b.OrderId).HasMaxLength(128);
        builder.Property(b => b.TxId).HasMaxLength(128);
        builder.Property(b => b.FailReason).HasMaxLength(128);
        builder.HasOne<BotUser>().WithMany().HasForeignKey(b => b.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(b => b.OpportunityId).OnDelete(DeleteBehavior.SetNull);

        // Never two buys of one listing in flight for a user, whichever replica or channel confirmed them.
        builder.HasIndex(b => new { b.UserId, b.OfferId }).IsUnique().HasFilter("status IN ('Sending', 'Unknown')").HasDatabaseName("IX_buys_one_in_flight");
        // An Api caller's retry with the same key is the same buy.
        builder.HasIndex(b => new { b.UserId, b.RequestKey }).IsUnique().HasFilter("request_key IS NOT NULL");
        // The reconciler's read: what is due.
        builder.HasIndex(b => new { b.Status, b.NextCheckAt });
        builder.HasIndex(b => new { b.UserId, b.CreatedAt });
    }
}
