using DMarketAspire.Data.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DMarketAspire.Data.Infrastructure.EntityConfigurations;

internal sealed class OpportunityEntityTypeConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.ToTable("opportunities");
        builder.Property(o => o.OfferId).HasMaxLength(64);
        builder.Property(o => o.GameId).HasMaxLength(16);
        builder.Property(o => o.Level).HasMaxLength(32);
        builder.Property(o => o.Title).HasMaxLength(512);
        builder.Property(o => o.FeeFraction).HasPrecision(6, 4);
        builder.Property(o => o.ProfitPercent).HasPrecision(9, 2);
        builder.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.GoneReason).HasMaxLength(64);
        builder.ComplexProperty(o => o.Attributes, a =>
        {
            a.Property(x => x.Exterior).HasMaxLength(32);
            a.Property(x => x.Phase).HasMaxLength(32);
            a.Property(x => x.Category).HasMaxLength(32);
            a.Property(x => x.Hero).HasMaxLength(64);
            a.Property(x => x.Quality).HasMaxLength(32);
            a.Property(x => x.Rarity).HasMaxLength(32);
            a.Property(x => x.Killstreak).HasMaxLength(32);
        });
        builder.HasOne<Item>().WithMany().HasForeignKey(o => o.ItemId).OnDelete(DeleteBehavior.Cascade);

        // One row per offer, for its whole life: re-scans update it.
        builder.HasIndex(o => o.OfferId).IsUnique();
        // The Api's and the bot's reads: active ones by game and level, best first or newest first.
        builder.HasIndex(o => new { o.Status, o.GameId, o.Level, o.ProfitPercent });
        builder.HasIndex(o => new { o.Status, o.FirstSeenAt });
        // The Api's keyset pages over all active ones, by each sort it offers.
        builder.HasIndex(o => new { o.Status, o.ProfitCents, o.Id });
        builder.HasIndex(o => new { o.Status, o.ProfitPercent, o.Id });
        builder.HasIndex(o => new { o.Status, o.Liquidity, o.Id });
        // Marking gone what a finished scan no longer saw.
        builder.HasIndex(o => new { o.GameId, o.Level, o.Status, o.LastScanId });
    }
}
