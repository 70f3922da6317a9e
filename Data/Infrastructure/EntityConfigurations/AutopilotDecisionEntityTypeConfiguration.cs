using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class AutopilotDecisionEntityTypeConfiguration : IEntityTypeConfiguration<AutopilotDecision>
{
    public void Configure(EntityTypeBuilder<AutopilotDecision> builder)
    {
        builder.ToTable("autopilot_decisions");
        builder.Property(d => d.OfferId).HasMaxLength(128);
        builder.Property(d => d.GameId).HasMaxLength(16);
        builder.Property(d => d.Title).HasMaxLength(512);
        builder.Property(d => d.Mode).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(16);
        builder.Property(d => d.Reason).HasMaxLength(128);
        builder.HasOne<BotUser>().WithMany().HasForeignKey(d => d.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Opportunity>().WithMany().HasForeignKey(d => d.OpportunityId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Buy>().WithMany().HasForeignKey(d => d.BuyId).OnDelete(DeleteBehavior.SetNull);

        // Each user's autopilot decides about each opportunity once, however many replicas plan.
        builder.HasIndex(d => new { d.UserId, d.OpportunityId }).IsUnique();
        // Of several users' autopilots, one claims a listing: the others find it taken.
        builder.HasIndex(d => d.OfferId).IsUnique().HasFilter("claimed").HasDatabaseName("IX_autopilot_decisions_one_claim");
        // The actor's read: what is pending, oldest first.
        builder.HasIndex(d => new { d.Outcome, d.Id });
        builder.HasIndex(d => new { d.UserId, d.CreatedAt });
    }
}
