using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class NotificationEntityTypeConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> builder)
    {
        builder.ToTable("notifications");
        builder.Property(n => n.GameId).HasMaxLength(16);
        builder.Property(n => n.Title).HasMaxLength(512);
        builder.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(16).HasDefaultValue(NotificationKind.Opportunity).HasSentinel(NotificationKind.Opportunity);
        builder.Property(n => n.Error).HasMaxLength(512);
        builder.HasOne<BotUser>().WithMany().HasForeignKey(n => n.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(n => n.OpportunityId).OnDelete(DeleteBehavior.Cascade);
        // A deleted alert's pending crossing is not sent; its sent ones stay in the history.
        builder.HasOne<PriceAlert>().WithMany().HasForeignKey(n => n.AlertId).OnDelete(DeleteBehavior.SetNull);

        // The exactly-once guarantee's first half: a user hears about an opportunity at most once.
        builder.HasIndex(n => new { n.UserId, n.OpportunityId }).IsUnique();
        // ...and about each crossing of an alert at most once.
        builder.HasIndex(n => new { n.AlertId, n.AlertCrossing }).IsUnique();
        // ...and about each settled buy at most once.
        builder.HasIndex(n => n.BuyId).IsUnique().HasFilter("buy_id IS NOT NULL");
        builder.HasOne<Buy>().WithMany().HasForeignKey(n => n.BuyId).OnDelete(DeleteBehavior.Cascade);
        // ...and about each sale at most once.
        builder.HasIndex(n => n.TradeId).IsUnique().HasFilter("trade_id IS NOT NULL");
        builder.HasOne<Trade>().WithMany().HasForeignKey(n => n.TradeId).OnDelete(DeleteBehavior.Cascade);
        // ...and about each autopilot decision at most once.
        builder.HasIndex(n => n.DecisionId).IsUnique().HasFilter("decision_id IS NOT NULL");
        builder.HasOne<AutopilotDecision>().WithMany().HasForeignKey(n => n.DecisionId).OnDelete(DeleteBehavior.Cascade);
        // The sender's read: what is due, oldest first.
        builder.HasIndex(n => new { n.Status, n.NextAttemptAt, n.Id });
        // Cooldown and daily cap: a user's recent notifications.
        builder.HasIndex(n => new { n.UserId, n.CreatedAt });
    }
}
